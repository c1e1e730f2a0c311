import { geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import codes from 'i18n-iso-countries/codes.json';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { href } from '../router';
import { Loading } from '../components/common';

interface CountryShape {
  alpha2: string;
  geometry: GeoPermissibleObjects;
}

/** ISO 3166-1 numeric (world-atlas ids) → alpha-2 (the hub's country codes). */
const ALPHA2_BY_NUMERIC = new Map((codes as string[][]).map(([alpha2, , numeric]) => [numeric!, alpha2!]));

let atlas: Promise<CountryShape[]> | undefined;

/** The 1:50m Natural Earth countries, a file of the hub's own origin, loaded once. */
function loadAtlas(): Promise<CountryShape[]> {
  atlas ??= fetch(atlasUrl)
    .then((response) => response.json() as Promise<Topology<{ countries: GeometryCollection }>>)
    .then((topology) => {
      const collection = feature(topology, topology.objects.countries);
      return collection.features.flatMap((shape) => {
        const alpha2 = ALPHA2_BY_NUMERIC.get(String(shape.id));
        return alpha2 ? [{ alpha2, geometry: shape as GeoPermissibleObjects }] : [];
      });
    });
  return atlas;
}

export interface MapEntry {
  code: string;
  name: string;
  /** CSS class suffix and legend key, e.g. "member-active" or "status-off_track". */
  category: string;
  label: string;
}

const WIDTH = 800;
const HEIGHT = 520;

/**
 * The framework's member states on a world map, coloured by category (each
 * shape a link to the country page, with its name and category as title).
 * The table beside it on the page says the same in text.
 */
export function WorldMap({ entries, legend, title }: { entries: MapEntry[]; legend: { category: string; label: string }[]; title: string }) {
  const { t } = useTranslation();
  const [shapes, setShapes] = useState<CountryShape[] | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadAtlas().then(setShapes, () => setFailed(true));
  }, []);
  const byCode = useMemo(() => new Map(entries.map((entry) => [entry.code, entry])), [entries]);
  const drawn = useMemo(() => {
    if (!shapes) return undefined;
    const members = shapes.filter((shape) => byCode.has(shape.alpha2));
    const projection = geoNaturalEarth1();
    projection.fitExtent(
      [
        [8, 8],
        [WIDTH - 8, HEIGHT - 8],
      ],
      { type: 'FeatureCollection', features: members.map((shape) => shape.geometry) } as GeoPermissibleObjects,
    );
    const path = geoPath(projection);
    return shapes.map((shape) => ({ ...shape, d: path(shape.geometry) ?? '' })).filter((shape) => shape.d);
  }, [shapes, byCode]);

  if (failed) return <p className="notice notice-warning">{t('map.failed')}</p>;
  if (!drawn) return <Loading label={t('map.loading')} />;
  return (
    <figure className="map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={title} data-testid="framework-map">
        <rect width={WIDTH} height={HEIGHT} className="map-sea" />
        {drawn.map((shape) => {
          const entry = byCode.get(shape.alpha2);
          if (!entry) return <path key={shape.alpha2} d={shape.d} className="map-land" aria-hidden="true" />;
          return (
            <a key={shape.alpha2} href={href('country', entry.code)} aria-label={`${entry.name}: ${entry.label}`} data-country={entry.code}>
              <path d={shape.d} className={`map-member ${entry.category}`}>
                <title>{`${entry.name}: ${entry.label}`}</title>
              </path>
            </a>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {legend.map((item) => (
            <li key={item.category}>
              <span className={`swatch ${item.category}`} aria-hidden="true" /> {item.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
