/**
 * Units of measure with their exact definitions. Each simple unit is defined from a parent unit ("1 ft = 12 in"),
 * so that a prompt can state exactly the definitions a conversion needs (the tree path between the two units) and
 * the answer follows from them and metric prefixes alone. US customary volumes are the US (not imperial) ones,
 * and data sizes distinguish decimal (kB, MB) from binary (KiB, MiB) prefixes.
 */

export type Dim = 'length' | 'mass' | 'volume' | 'time' | 'data' | 'money';
/** Typical size class of a unit, which picks a fitting word-problem context. */
export type Scale = 'tiny' | 'small' | 'medium' | 'large';

export interface SimpleUnit {
  id: string;
  symbol: string;
  singular: string;
  plural: string;
  /** Other spellings a response may use. */
  alt: readonly string[];
  dim: Dim;
  /** The unit this one is defined from, and how many parents one of this unit is (a decimal string). */
  parent?: string;
  per?: string;
  /** The definition as a prompt states it; absent for metric prefixes and clock units. */
  hint?: string;
  /** Typical inputs in this unit, for word problems. Absent: the unit only appears inside compound units. */
  range?: readonly [number, number];
  scale: Scale;
}

const u = (
  id: string,
  symbol: string,
  singular: string,
  plural: string,
  dim: Dim,
  scale: Scale,
  def: { parent?: string; per?: string; hint?: string; range?: readonly [number, number]; alt?: readonly string[] },
): SimpleUnit => ({ id, symbol, singular, plural, dim, scale, alt: def.alt ?? [], ...def });

export const SIMPLE_UNITS: readonly SimpleUnit[] = [
  // length (root: m)
  u('m', 'm', 'meter', 'meters', 'length', 'medium', { range: [1, 500], alt: ['metre', 'metres'] }),
  u('cm', 'cm', 'centimeter', 'centimeters', 'length', 'small', { parent: 'm', per: '0.01', range: [1, 200], alt: ['centimetre', 'centimetres'] }),
  u('mm', 'mm', 'millimeter', 'millimeters', 'length', 'small', { parent: 'cm', per: '0.1', range: [2, 900], alt: ['millimetre', 'millimetres'] }),
  u('km', 'km', 'kilometer', 'kilometers', 'length', 'large', { parent: 'm', per: '1000', range: [1, 800], alt: ['kilometre', 'kilometres'] }),
  u('in', 'in', 'inch', 'inches', 'length', 'small', { parent: 'cm', per: '2.54', hint: '1 in = 2.54 cm', range: [1, 120] }),
  u('ft', 'ft', 'foot', 'feet', 'length', 'medium', { parent: 'in', per: '12', hint: '1 ft = 12 in', range: [2, 1000] }),
  u('yd', 'yd', 'yard', 'yards', 'length', 'medium', { parent: 'ft', per: '3', hint: '1 yd = 3 ft', range: [1, 500] }),
  u('mi', 'mi', 'mile', 'miles', 'length', 'large', { parent: 'ft', per: '5280', hint: '1 mi = 5280 ft', range: [1, 600] }),
  u('nmi', 'nmi', 'nautical mile', 'nautical miles', 'length', 'large', { parent: 'm', per: '1852', hint: '1 nautical mile = 1852 m' }),
  // mass (root: kg)
  u('kg', 'kg', 'kilogram', 'kilograms', 'mass', 'medium', { range: [1, 45], alt: ['kilogramme', 'kilogrammes', 'kilo', 'kilos'] }),
  u('g', 'g', 'gram', 'grams', 'mass', 'small', { parent: 'kg', per: '0.001', range: [5, 900], alt: ['gramme', 'grammes'] }),
  u('mg', 'mg', 'milligram', 'milligrams', 'mass', 'tiny', { parent: 'g', per: '0.001', range: [5, 1500] }),
  u('t', 't', 'metric ton', 'metric tons', 'mass', 'large', { parent: 'kg', per: '1000', hint: '1 metric ton = 1000 kg', range: [1, 40], alt: ['tonne', 'tonnes'] }),
  u('lb', 'lb', 'pound', 'pounds', 'mass', 'medium', { parent: 'kg', per: '0.45359237', hint: '1 lb = 0.45359237 kg', range: [2, 100], alt: ['lbs'] }),
  u('oz', 'oz', 'ounce', 'ounces', 'mass', 'small', { parent: 'lb', per: '0.0625', hint: '1 lb = 16 oz', range: [1, 64] }),
  u('st', 'st', 'stone', 'stone', 'mass', 'medium', { parent: 'lb', per: '14', hint: '1 stone = 14 lb', range: [1, 6], alt: ['stones'] }),
  // volume (root: L)
  u('L', 'L', 'liter', 'liters', 'volume', 'medium', { range: [1, 200], alt: ['l', 'litre', 'litres'] }),
  u('mL', 'mL', 'milliliter', 'milliliters', 'volume', 'small', { parent: 'L', per: '0.001', range: [5, 2000], alt: ['ml', 'millilitre', 'millilitres'] }),
  u('m3', 'm³', 'cubic meter', 'cubic meters', 'volume', 'large', { parent: 'L', per: '1000', hint: '1 m³ = 1000 L', range: [1, 60], alt: ['m3', 'cubic metre', 'cubic metres'] }),
  u('gal', 'gal', 'US gallon', 'US gallons', 'volume', 'medium', { parent: 'L', per: '3.785411784', hint: '1 US gallon = 3.785411784 L', range: [1, 100], alt: ['gallon', 'gallons'] }),
  u('qt', 'qt', 'US quart', 'US quarts', 'volume', 'medium', { parent: 'gal', per: '0.25', hint: '1 US gallon = 4 US quarts', range: [1, 20], alt: ['quart', 'quarts'] }),
  u('pt', 'pt', 'US pint', 'US pints', 'volume', 'small', { parent: 'qt', per: '0.5', hint: '1 US quart = 2 US pints', range: [1, 6], alt: ['pint', 'pints'] }),
  u('cup', 'cup', 'US cup', 'US cups', 'volume', 'small', { parent: 'pt', per: '0.5', hint: '1 US pint = 2 US cups', range: [1, 8], alt: ['cup', 'cups'] }),
  u('floz', 'fl oz', 'US fluid ounce', 'US fluid ounces', 'volume', 'small', { parent: 'cup', per: '0.125', hint: '1 US cup = 8 US fl oz', range: [1, 64], alt: ['fluid ounce', 'fluid ounces', 'US fl oz'] }),
  // time (root: s)
  u('s', 's', 'second', 'seconds', 'time', 'small', { range: [10, 5000], alt: ['sec', 'secs'] }),
  u('min', 'min', 'minute', 'minutes', 'time', 'medium', { parent: 's', per: '60', range: [2, 900], alt: ['mins'] }),
  u('h', 'h', 'hour', 'hours', 'time', 'medium', { parent: 'min', per: '60', range: [1, 16], alt: ['hr', 'hrs'] }),
  u('day', 'd', 'day', 'days', 'time', 'large', { parent: 'h', per: '24', range: [1, 60] }),
  u('week', 'wk', 'week', 'weeks', 'time', 'large', { parent: 'day', per: '7', range: [1, 20] }),
  // data (root: byte)
  u('B', 'B', 'byte', 'bytes', 'data', 'tiny', {}),
  u('bit', 'bit', 'bit', 'bits', 'data', 'tiny', { parent: 'B', per: '0.125', hint: '1 byte = 8 bits', alt: ['bits', 'b'] }),
  u('Mbit', 'Mb', 'megabit', 'megabits', 'data', 'medium', { parent: 'bit', per: '1000000', hint: '1 megabit = 1000000 bits', alt: ['Mbit'] }),
  u('Gbit', 'Gb', 'gigabit', 'gigabits', 'data', 'large', { parent: 'Mbit', per: '1000', hint: '1 gigabit = 1000 megabits', alt: ['Gbit'] }),
  u('kB', 'kB', 'kilobyte', 'kilobytes', 'data', 'small', { parent: 'B', per: '1000', hint: '1 kB = 1000 bytes', range: [10, 5000], alt: ['KB'] }),
  u('MB', 'MB', 'megabyte', 'megabytes', 'data', 'medium', { parent: 'kB', per: '1000', hint: '1 MB = 1000 kB', range: [5, 5000] }),
  u('GB', 'GB', 'gigabyte', 'gigabytes', 'data', 'large', { parent: 'MB', per: '1000', hint: '1 GB = 1000 MB', range: [1, 900] }),
  u('TB', 'TB', 'terabyte', 'terabytes', 'data', 'large', { parent: 'GB', per: '1000', hint: '1 TB = 1000 GB', range: [1, 20] }),
  u('KiB', 'KiB', 'kibibyte', 'kibibytes', 'data', 'small', { parent: 'B', per: '1024', hint: '1 KiB = 1024 bytes', range: [10, 5000] }),
  u('MiB', 'MiB', 'mebibyte', 'mebibytes', 'data', 'medium', { parent: 'KiB', per: '1024', hint: '1 MiB = 1024 KiB', range: [5, 5000] }),
  u('GiB', 'GiB', 'gibibyte', 'gibibytes', 'data', 'large', { parent: 'MiB', per: '1024', hint: '1 GiB = 1024 MiB', range: [1, 900] }),
  // money, only as the numerator of unit prices
  u('usd', '$', 'dollar', 'dollars', 'money', 'medium', { alt: ['USD'] }),
];

/** A quotient unit: speeds, data rates, unit prices, fuel economy. */
export interface CompoundUnit {
  id: string;
  symbol: string;
  singular: string;
  plural: string;
  alt: readonly string[];
  num: string;
  den: string;
  /** Kind of quantity, which picks contexts and which other compound units it converts to. */
  kind: 'speed' | 'rate' | 'price-mass' | 'price-volume' | 'fuel';
  range: readonly [number, number];
}

const c = (
  id: string,
  symbol: string,
  singular: string,
  plural: string,
  num: string,
  den: string,
  kind: CompoundUnit['kind'],
  range: readonly [number, number],
  alt: readonly string[] = [],
): CompoundUnit => ({ id, symbol, singular, plural, num, den, kind, range, alt });

export const COMPOUND_UNITS: readonly CompoundUnit[] = [
  c('kmh', 'km/h', 'kilometer per hour', 'kilometers per hour', 'km', 'h', 'speed', [8, 120], ['kph', 'kilometres per hour', 'km/hr']),
  c('mph', 'mph', 'mile per hour', 'miles per hour', 'mi', 'h', 'speed', [5, 75], ['mi/h']),
  c('mps', 'm/s', 'meter per second', 'meters per second', 'm', 's', 'speed', [2, 35], ['metres per second', 'm s^-1']),
  c('fps', 'ft/s', 'foot per second', 'feet per second', 'ft', 's', 'speed', [7, 110], ['fps']),
  c('kn', 'kn', 'knot', 'knots', 'nmi', 'h', 'speed', [4, 65], ['kt', 'kts']),
  c('Mbps', 'Mbps', 'megabit per second', 'megabits per second', 'Mbit', 's', 'rate', [5, 1000], ['Mbit/s', 'Mb/s']),
  c('Gbps', 'Gbps', 'gigabit per second', 'gigabits per second', 'Gbit', 's', 'rate', [1, 10], ['Gbit/s', 'Gb/s']),
  c('MBps', 'MB/s', 'megabyte per second', 'megabytes per second', 'MB', 's', 'rate', [1, 500], ['MBps']),
  c('MiBps', 'MiB/s', 'mebibyte per second', 'mebibytes per second', 'MiB', 's', 'rate', [1, 500]),
  c('usd-lb', '$/lb', 'dollar per pound', 'dollars per pound', 'usd', 'lb', 'price-mass', [0.5, 30], ['per pound', 'per lb', '/lb']),
  c('usd-kg', '$/kg', 'dollar per kilogram', 'dollars per kilogram', 'usd', 'kg', 'price-mass', [1, 60], ['per kilogram', 'per kg', '/kg']),
  c('usd-oz', '$/oz', 'dollar per ounce', 'dollars per ounce', 'usd', 'oz', 'price-mass', [0.2, 5], ['per ounce', 'per oz', '/oz']),
  c('usd-gal', '$/gal', 'dollar per US gallon', 'dollars per US gallon', 'usd', 'gal', 'price-volume', [2, 8], ['per gallon', 'per gal', '/gal']),
  c('usd-L', '$/L', 'dollar per liter', 'dollars per liter', 'usd', 'L', 'price-volume', [0.5, 3], ['per liter', 'per litre', 'per L', '/L']),
  c('mpg', 'mpg', 'mile per US gallon', 'miles per US gallon', 'mi', 'gal', 'fuel', [15, 60], ['miles per gallon', 'mi/gal']),
  c('kmpl', 'km/L', 'kilometer per liter', 'kilometers per liter', 'km', 'L', 'fuel', [5, 25], ['kilometres per litre', 'km/l', 'kmpl']),
];
