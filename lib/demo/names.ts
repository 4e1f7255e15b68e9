import type { Rng } from './random';

type Language = 'en' | 'ru' | 'de' | 'es' | 'fr';

/** First and last names by language; Russian ones in Cyrillic, as a Russian CRM stores them. */
const PEOPLE: Record<Language, { first: readonly string[]; last: readonly string[] }> = {
  en: {
    first: ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Ethan', 'Grace', 'Lucas', 'Chloe', 'Ryan', 'Hannah', 'Owen', 'Priya', 'Arjun', 'Mei', 'Kenji'],
    last: [
      'Parker',
      'Reed',
      'Foster',
      'Collins',
      'Hayes',
      'Morgan',
      'Bailey',
      'Cooper',
      'Ward',
      'Price',
      'Sharma',
      'Patel',
      'Tan',
      'Nguyen',
      'Clarke',
      'Ellis',
    ],
  },
  ru: {
    first: ['Алексей', 'Мария', 'Иван', 'Ольга', 'Павел', 'Елена', 'Никита', 'Татьяна', 'Артём', 'Наталья', 'Максим', 'Юлия'],
    last: ['Иванов', 'Петрова', 'Смирнов', 'Орлова', 'Лебедев', 'Новикова', 'Фёдоров', 'Зайцева', 'Белов', 'Григорьева', 'Тихонов', 'Мельникова'],
  },
  de: {
    first: ['Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Sophie', 'Moritz', 'Laura'],
    last: ['Müller', 'Schmidt', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer'],
  },
  es: {
    first: ['Sofía', 'Mateo', 'Valentina', 'Diego', 'Camila', 'Javier', 'Lucía', 'Gabriel'],
    last: ['García', 'Martínez', 'López', 'Rodríguez', 'Silva', 'Fernández', 'Pereira', 'Torres'],
  },
  fr: {
    first: ['Camille', 'Louis', 'Manon', 'Hugo', 'Chloé', 'Arthur', 'Léa', 'Jules'],
    last: ['Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Lefèvre', 'Girard', 'Roux'],
  },
};

const COMPANY_PARTS = {
  latin: {
    head: [
      'Northwind',
      'Bluepeak',
      'Silverline',
      'Brightwater',
      'Ironbridge',
      'Redwood',
      'Clearpath',
      'Harbor',
      'Pinecrest',
      'Oakridge',
      'Lumen',
      'Vertex',
      'Granite',
      'Cobalt',
      'Meridian',
      'Evergreen',
      'Falcon',
      'Atlas',
      'Horizon',
      'Keystone',
      'Sunfield',
      'Tidewater',
      'Copperleaf',
      'Highland',
      'Stonegate',
      'Bluebird',
      'Westbrook',
      'Larkspur',
      'Quarry',
      'Driftwood',
      'Amberline',
      'Northstar',
      'Riverbend',
      'Crescent',
      'Foxglove',
      'Ashford',
      'Blackrock',
      'Greenway',
    ],
    tail: [
      'Logistics',
      'Foods',
      'Health',
      'Analytics',
      'Systems',
      'Retail',
      'Energy',
      'Labs',
      'Media',
      'Capital',
      'Manufacturing',
      'Software',
      'Travel',
      'Partners',
      'Robotics',
      'Insurance',
      'Pharma',
      'Motors',
      'Telecom',
      'Logic',
      'Biotech',
      'Apparel',
      'Freight',
      'Dynamics',
      'Networks',
      'Consulting',
      'Brands',
      'Materials',
    ],
  },
  ru: {
    head: [
      'Альфа',
      'Север',
      'Восток',
      'Гранит',
      'Байкал',
      'Вектор',
      'Ладога',
      'Меридиан',
      'Сокол',
      'Урал',
      'Полюс',
      'Кедр',
      'Орион',
      'Старт',
      'Волга',
      'Ирбис',
      'Алтай',
      'Енисей',
      'Сфера',
      'Прогресс',
      'Заря',
      'Нева',
      'Амур',
      'Кама',
      'Таймыр',
      'Рубин',
      'Сапфир',
      'Омега',
    ],
    tail: [
      'Логистик',
      'Трейд',
      'Софт',
      'Строй',
      'Агро',
      'Медиа',
      'Финанс',
      'Энерго',
      'Пром',
      'Маркет',
      'Фарм',
      'Тех',
      'Транс',
      'Сервис',
      'Инвест',
      'Ресурс',
      'Снаб',
      'Телеком',
    ],
  },
};

/** Legal-form suffixes by country, so a company reads as local. */
const LEGAL_FORM: Readonly<Record<string, readonly string[]>> = {
  'United States': ['Inc.', 'LLC', 'Corp.'],
  Canada: ['Inc.', 'Ltd.'],
  Germany: ['GmbH', 'AG'],
  'United Kingdom': ['Ltd', 'plc'],
  France: ['SAS', 'SA'],
  Netherlands: ['B.V.'],
  Spain: ['S.L.', 'S.A.'],
  'United Arab Emirates': ['FZ-LLC'],
  Australia: ['Pty Ltd'],
  Singapore: ['Pte. Ltd.'],
  India: ['Pvt. Ltd.'],
  Brazil: ['Ltda.'],
  Mexico: ['S.A. de C.V.'],
  Chile: ['SpA'],
};

/** Picks company names, unique within one data set (a numbered branch when the parts run out). */
export function createCompanyNamer(rng: Rng): (country: string, language: Language) => string {
  const used = new Map<string, number>();
  return (country, language) => {
    let name = '';
    for (let attempt = 0; attempt < 6; attempt += 1) {
      if (language === 'ru') {
        const form = country === 'Kazakhstan' ? 'ТОО' : country === 'Armenia' ? 'ООО' : rng.chance(0.7) ? 'ООО' : 'АО';
        name = `${form} «${rng.pick(COMPANY_PARTS.ru.head)}-${rng.pick(COMPANY_PARTS.ru.tail)}»`;
      } else {
        const form = rng.pick(LEGAL_FORM[country] ?? ['Ltd']);
        name = `${rng.pick(COMPANY_PARTS.latin.head)} ${rng.pick(COMPANY_PARTS.latin.tail)} ${form}`;
      }
      if (!used.has(name)) break;
    }
    const seen = used.get(name) ?? 0;
    used.set(name, seen + 1);
    // `(2)` can never collide with a generated name, which has no parentheses.
    return seen === 0 ? name : `${name} (${seen + 1})`;
  };
}

export function personName(rng: Rng, language: Language): string {
  const pool = PEOPLE[language];
  const first = rng.pick(pool.first);
  let last = rng.pick(pool.last);
  // Russian surnames agree with the first name's gender: Мария Иванова, not Мария Иванов.
  if (language === 'ru') last = agreeRussianSurname(first, last);
  return `${first} ${last}`;
}

const RU_FEMININE_FIRST = new Set(['Мария', 'Ольга', 'Елена', 'Татьяна', 'Наталья', 'Юлия']);

function agreeRussianSurname(first: string, last: string): string {
  const feminine = RU_FEMININE_FIRST.has(first);
  const isFeminine = last.endsWith('а');
  if (feminine && !isFeminine) return `${last}а`;
  if (!feminine && isFeminine) return last.slice(0, -1);
  return last;
}

/** Extra reps for scales above 1 (benchmarks): names built from the English and Russian pools. */
export function extraRepName(index: number): { name: string; email: string } {
  const en = PEOPLE.en;
  const first = en.first[index % en.first.length] as string;
  const last = en.last[Math.floor(index / en.first.length) % en.last.length] as string;
  const cycle = Math.floor(index / (en.first.length * en.last.length));
  const suffix = cycle > 0 ? ` ${cycle + 1}` : '';
  return {
    name: `${first} ${last}${suffix}`,
    email: `${first}.${last}${cycle > 0 ? cycle + 1 : ''}@lenscloud.example`.toLowerCase(),
  };
}
