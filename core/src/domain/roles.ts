/** Roles a user holds in a municipality (tenant). */
export const MUNICIPALITY_ROLES = ['admin', 'coordinator', 'staff', 'council', 'mayor'] as const;
export type MunicipalityRole = (typeof MUNICIPALITY_ROLES)[number];

/** German role names for e-mails and exports (the web app has its own translations). */
export const MUNICIPALITY_ROLE_LABELS: Readonly<Record<MunicipalityRole, string>> = {
  admin: 'Administrator/in',
  coordinator: 'Digitalisierungsbeauftragte/r',
  staff: 'Mitarbeitende',
  council: 'Gemeinderat (nur lesen)',
  mayor: 'Bürgermeister/in',
};

/** Roles inside a network. `member` is implied by belonging to a member municipality. */
export const NETWORK_ROLES = ['moderator', 'member'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

export const NETWORK_TYPES = ['circle', 'benchmarking_ring', 'district_cooperation', 'zweckverband'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

export const ADMINISTERING_BODY_TYPES = [
  'amt',
  'samtgemeinde',
  'verbandsgemeinde',
  'verwaltungsgemeinschaft',
  'verwaltungsverband',
  'kirchspielslandgemeinde',
  'erfuellende_gemeinde',
] as const;
export type AdministeringBodyType = (typeof ADMINISTERING_BODY_TYPES)[number];
