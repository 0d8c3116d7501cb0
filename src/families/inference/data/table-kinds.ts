/**
 * The kinds of table inference.table draws: who or what the rows are, a category column, and numeric columns with
 * their ranges. Values are integers in the column's smallest unit (cents, tenths), so sums and averages are exact.
 */
import type { Faker } from '@faker-js/faker';
import { departments, fullName, plainFirstName, productName, townName } from '../../shared/entities.js';

export interface NumericColumn {
  header: string;
  /** The column's name inside a question: "salary", "units sold". */
  noun: string;
  /** Decimals of the stored integers (2 for money, 1 for tenths). */
  places: number;
  /** Range of the stored integers (already scaled). */
  lo: number;
  hi: number;
  /** Which aggregates mean something: totals and averages, averages only (prices, ratings), or neither (years). */
  aggregate: 'sum' | 'mean' | 'none';
  /** Dollar amounts: questions write "$12.50". */
  money?: boolean;
  /** Unit forms an answer may carry. */
  units: readonly string[];
}

export interface TableKind {
  id: string;
  entity: string;
  entities: string;
  nameHeader: string;
  name(f: Faker): string;
  catHeader: string;
  /** Categories to choose the table's few categories from. */
  categories(f: Faker): readonly string[];
  /** " in the Sales department", " in class 7B": follows the entity noun. */
  inCategory(c: string): string;
  columns: readonly NumericColumn[];
}

const col = (
  header: string,
  noun: string,
  places: number,
  lo: number,
  hi: number,
  units: readonly string[],
  extra: Partial<NumericColumn> = {},
): NumericColumn => ({ header, noun, places, lo, hi, units, aggregate: 'sum', ...extra });

const TEAMS = ['Sales', 'Marketing', 'Engineering', 'Finance', 'Support', 'Operations', 'Legal', 'Research'];
const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Coastal'];
const CLASSES = ['7A', '7B', '8A', '8B', '9A', '9B'];
const DOLLARS = ['$', 'dollars', 'USD'];

export const TABLE_KINDS: readonly TableKind[] = [
  {
    id: 'employees',
    entity: 'employee',
    entities: 'employees',
    nameHeader: 'Name',
    name: fullName,
    catHeader: 'Department',
    categories: () => TEAMS,
    inCategory: (c) => ` in the ${c} department`,
    columns: [
      col('Age', 'age', 0, 22, 64, ['years', 'years old']),
      col('Salary ($)', 'salary', 0, 38000, 160000, DOLLARS, { money: true }),
      col('Years of service', 'years of service', 0, 1, 35, ['years']),
      col('Projects', 'number of projects', 0, 1, 40, ['projects']),
      col('Sick days', 'number of sick days', 0, 0, 30, ['days', 'sick days']),
    ],
  },
  {
    id: 'products',
    entity: 'product',
    entities: 'products',
    nameHeader: 'Product',
    name: productName,
    catHeader: 'Category',
    categories: departments,
    inCategory: (c) => ` in the ${c} category`,
    columns: [
      col('Price ($)', 'price', 2, 199, 49999, DOLLARS, { money: true, aggregate: 'mean' }),
      col('Stock', 'stock', 0, 0, 500, ['units', 'items']),
      col('Units sold', 'number of units sold', 0, 10, 5000, ['units']),
      col('Rating', 'rating', 1, 10, 50, ['stars'], { aggregate: 'mean' }),
      col('Weight (kg)', 'weight', 1, 1, 300, ['kg', 'kilograms']),
    ],
  },
  {
    id: 'towns',
    entity: 'town',
    entities: 'towns',
    nameHeader: 'Town',
    name: townName,
    catHeader: 'Region',
    categories: () => REGIONS,
    inCategory: (c) => ` in the ${c} region`,
    columns: [
      col('Population', 'population', 0, 2000, 900000, ['people', 'residents', 'inhabitants']),
      col('Area (km²)', 'area', 1, 50, 15000, ['km²', 'km2', 'square kilometers', 'sq km']),
      col('Rainfall (mm)', 'annual rainfall', 0, 200, 1600, ['mm', 'millimeters']),
      col('Founded', 'founding year', 0, 1700, 1950, [], { aggregate: 'none' }),
      col('Elevation (m)', 'elevation', 0, 0, 2500, ['m', 'meters']),
    ],
  },
  {
    id: 'students',
    entity: 'student',
    entities: 'students',
    nameHeader: 'Student',
    name: plainFirstName,
    catHeader: 'Class',
    categories: () => CLASSES,
    inCategory: (c) => ` in class ${c}`,
    columns: [
      col('Math', 'math score', 0, 30, 100, ['points']),
      col('Science', 'science score', 0, 30, 100, ['points']),
      col('English', 'English score', 0, 30, 100, ['points']),
      col('History', 'history score', 0, 30, 100, ['points']),
      col('Absences', 'number of absences', 0, 0, 40, ['absences', 'days']),
    ],
  },
];
