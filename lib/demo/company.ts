import { REGIONS, type DemoCurrency } from './catalog';
import { createCompanyNamer } from './names';
import type { Rng } from './random';

/** A buyer organisation: a lead works there, a deal is with it, a customer is one once it buys. */
export type Company = {
  name: string;
  region: string;
  country: string;
  /** Deals with the company are priced in this currency. */
  currency: DemoCurrency;
  language: 'en' | 'ru' | 'de' | 'es' | 'fr';
};

export function createCompanyFactory(rng: Rng): () => Company {
  const nameCompany = createCompanyNamer(rng);
  const regions = REGIONS.map((region) => [region, region.weight] as const);
  return () => {
    const region = rng.weighted(regions);
    const country = rng.weighted(region.countries.map((c) => [c, c.weight] as const));
    return {
      name: nameCompany(country.name, country.language),
      region: region.name,
      country: country.name,
      currency: country.currency,
      language: country.language,
    };
  };
}

/** Russian-speaking companies get Russian titles, the way their reps type them in the CRM. */
export const speaksRussian = (company: Company) => company.language === 'ru';
