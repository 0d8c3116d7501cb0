/**
 * Word-problem sentences for unit conversions, keyed by dimension and size class, so that a 3 mm value is a
 * screw and a 300 km value is a drive. Each context names the quantity the question then asks about.
 */
import type { Faker } from '@faker-js/faker';
import { cityName, companyName, firstName, productName } from '../../shared/entities.js';

export interface Context {
  text: string;
  /** The quantity's name in the question: "What is the {quantity} in kilometers?" */
  quantity: string;
}

type Make = (f: Faker, v: string) => Context;

const ctx = (text: string, quantity: string): Context => ({ text, quantity });

/** Two different cities, for "from A to B". */
export function twoCities(f: Faker): [string, string] {
  const a = cityName(f);
  let b = cityName(f);
  for (let i = 0; i < 5 && b === a; i++) b = cityName(f);
  return [a, b];
}

export const CONTEXTS: Readonly<Record<string, readonly Make[]>> = {
  'length:small': [
    (f, v) => ctx(`The ${productName(f).toLowerCase()} in the catalog is ${v} long.`, 'length'),
    (f, v) => ctx(`The desk in ${firstName(f)}'s office is ${v} wide.`, 'width of the desk'),
    (f, v) => ctx(`A parcel from ${companyName(f)} is ${v} wide.`, 'width'),
  ],
  'length:medium': [
    (f, v) => ctx(`The garden fence at ${firstName(f)}'s house is ${v} long.`, 'length'),
    (f, v) => ctx(`A roll of cable ordered from ${companyName(f)} holds ${v} of wire.`, 'length of wire'),
    (f, v) => ctx(`The new office building in ${cityName(f)} is ${v} tall.`, 'height'),
  ],
  'length:large': [
    (f, v) => {
      const [a, b] = twoCities(f);
      return ctx(`${firstName(f)}'s drive from ${a} to ${b} is ${v}.`, 'distance');
    },
    (f, v) => ctx(`The hiking trail outside ${cityName(f)} is ${v} long.`, 'length of the trail'),
    (f, v) => ctx(`A delivery van from ${companyName(f)} covers ${v} on its daily route.`, 'daily distance'),
  ],
  'mass:tiny': [
    (f, v) => ctx(`Each vitamin tablet sold by ${companyName(f)} contains ${v} of vitamin C.`, 'amount of vitamin C'),
    (f, v) => ctx(`The pinch of saffron in ${firstName(f)}'s recipe weighs ${v}.`, 'weight'),
  ],
  'mass:small': [
    (f, v) => ctx(`A bar of chocolate from ${companyName(f)} weighs ${v}.`, 'weight'),
    (f, v) => ctx(`The small parcel ${firstName(f)} is mailing to ${cityName(f)} weighs ${v}.`, 'weight of the parcel'),
    (f, v) => ctx(`The ${productName(f).toLowerCase()} weighs ${v}.`, 'weight'),
  ],
  'mass:medium': [
    (f, v) => ctx(`${firstName(f)}'s suitcase for the trip to ${cityName(f)} weighs ${v}.`, 'weight of the suitcase'),
    (f, v) => ctx(`A sack of flour delivered by ${companyName(f)} weighs ${v}.`, 'weight'),
    (f, v) => ctx(`At its last checkup, ${firstName(f)}'s dog weighed ${v}.`, "dog's weight"),
  ],
  'mass:large': [
    (f, v) => ctx(`A truck from ${companyName(f)} is carrying ${v} of gravel.`, 'load'),
    (f, v) => ctx(`The fishing boat in the ${cityName(f)} harbor weighs ${v}.`, 'weight of the boat'),
  ],
  'volume:small': [
    (f, v) => ctx(`The recipe ${firstName(f)} is following calls for ${v} of milk.`, 'amount of milk'),
    (f, v) => ctx(`A bottle of shampoo from ${companyName(f)} holds ${v}.`, 'volume'),
    (f, v) => ctx(`${firstName(f)}'s water bottle holds ${v}.`, 'capacity'),
  ],
  'volume:medium': [
    (f, v) => ctx(`The fuel tank of ${firstName(f)}'s car holds ${v}.`, 'capacity of the tank'),
    (f, v) => ctx(`The aquarium in the ${cityName(f)} dental office holds ${v} of water.`, 'volume of water'),
    (f, v) => ctx(`A barrel of apple cider from ${companyName(f)} contains ${v}.`, 'volume'),
  ],
  'volume:large': [
    (f, v) => ctx(`The plunge pool at the ${cityName(f)} community center holds ${v} of water.`, 'volume of water'),
    (f, v) => ctx(`A shipping container leased by ${companyName(f)} has ${v} of cargo space.`, 'cargo space'),
  ],
  'time:small': [
    (f, v) => ctx(`The video ${firstName(f)} uploaded is ${v} long.`, 'length of the video'),
    (f, v) => ctx(`The safety briefing at ${companyName(f)} lasts ${v}.`, 'duration'),
  ],
  'time:medium': [
    (f, v) => {
      const [a, b] = twoCities(f);
      return ctx(`The flight from ${a} to ${b} takes ${v}.`, 'flight time');
    },
    (f, v) => ctx(`${firstName(f)}'s shift at ${companyName(f)} lasts ${v}.`, 'length of the shift'),
    (f, v) => ctx(`The bread dough at ${companyName(f)}'s bakery has to rest for ${v}.`, 'resting time'),
  ],
  'time:large': [
    (f, v) => ctx(`${firstName(f)}'s vacation in ${cityName(f)} lasts ${v}.`, 'length of the vacation'),
    (f, v) => ctx(`${companyName(f)} quotes a delivery time of ${v}.`, 'delivery time'),
  ],
  data: [
    (f, v) => ctx(`A video file from ${companyName(f)} is ${v}.`, 'size of the file'),
    (f, v) => ctx(`${firstName(f)}'s photo library takes up ${v}.`, 'size of the library'),
    (f, v) => ctx(`The nightly backup of the ${cityName(f)} office is ${v}.`, 'size of the backup'),
  ],
  'temp:weather': [
    (f, v) => ctx(`The forecast high in ${cityName(f)} today is ${v}.`, 'temperature'),
    (f, v) => ctx(`At noon, the thermometer outside ${firstName(f)}'s window read ${v}.`, 'temperature'),
  ],
  'temp:lab': [
    (f, v) => ctx(`A sample in the ${companyName(f)} lab is held at ${v}.`, 'temperature of the sample'),
    (f, v) => ctx(`A test chamber at ${companyName(f)} is kept at ${v}.`, 'temperature of the chamber'),
  ],
  'temp:oven': [
    (f, v) => ctx(`${firstName(f)}'s bread recipe says to bake at ${v}.`, 'baking temperature'),
    (f, v) => ctx(`The pizza oven at a restaurant in ${cityName(f)} is set to ${v}.`, 'oven temperature'),
  ],
  speed: [
    (f, v) => ctx(`A freight train passes through ${cityName(f)} at ${v}.`, 'speed of the train'),
    (f, v) => ctx(`The ferry to ${cityName(f)} cruises at ${v}.`, 'speed'),
    (f, v) => ctx(`A delivery drone from ${companyName(f)} flies at ${v}.`, 'speed'),
  ],
  rate: [
    (f, v) => ctx(`The office internet connection at ${companyName(f)} runs at ${v}.`, 'connection speed'),
    (f, v) => ctx(`${firstName(f)}'s download from a server in ${cityName(f)} is running at ${v}.`, 'download speed'),
  ],
  'price-mass': [
    (f, v) => ctx(`At the ${cityName(f)} farmers' market, the ${f.food.fruit()} stall charges ${v}.`, 'price'),
    (f, v) => ctx(`${companyName(f)} sells coffee beans at ${v}.`, 'price'),
  ],
  'price-volume': [
    (f, v) => ctx(`Gasoline at a station in ${cityName(f)} costs ${v}.`, 'price'),
    (f, v) => ctx(`Olive oil from ${companyName(f)} sells for ${v}.`, 'price'),
  ],
  fuel: [
    (f, v) => ctx(`${firstName(f)}'s car has a fuel economy of ${v}.`, 'fuel economy'),
    (f, v) => ctx(`The delivery vans of ${companyName(f)} average ${v}.`, 'fuel economy'),
  ],
};
