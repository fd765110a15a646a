// facets.json (../FORMAT.md) as the browser reads it, and the facet counts of a query. Mirrors
// FacetGroups.swift and DocumentRuns.swift; the filtering mirrors SearchEngine.swift.

import { IndexDamagedError, isWhole } from "./index-checks.js";

/**
 * The documents of one facet value, kept as the runs of `facets.json` (DocumentRuns.swift): memory
 * follows the file's size, whatever document count the runs span.
 */
export class DocumentRuns {
  constructor() {
    this.starts = []; this.ends = [];
  }

  /** Adds the run start…end-1, which begins at or after the end of the last one; an empty run adds nothing. */
  append(start, end) {
    if (start < end) { this.starts.push(start); this.ends.push(end); }
  }

  /** Whether `document` lies in a run: only the last run starting at or before it can hold it. */
  has(document) {
    const run = partitionPoint(this.starts, (start) => start > document) - 1;
    return run >= 0 && document < this.ends[run];
  }

  /** How many of `documents` (ascending) lie in the runs: two binary searches per run. */
  countIn(documents) {
    let count = 0;
    for (let i = 0; i < this.starts.length; i++) {
      const start = this.starts[i], end = this.ends[i];
      count += partitionPoint(documents, (d) => d >= end) - partitionPoint(documents, (d) => d >= start);
    }
    return count;
  }
}

/** The first index of `array` whose element satisfies `isAbove` (false for a prefix, true for the rest). */
function partitionPoint(array, isAbove) {
  let low = 0, high = array.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isAbove(array[mid])) high = mid; else low = mid + 1;
  }
  return low;
}

/**
 * The facet groups of `facets.json` with each value's documents as DocumentRuns, for an index of
 * `documents` documents (already proved by the record table). Runs must be pairs inside
 * 0…documents-1, ascending and apart (FacetGroups.swift).
 */
export function facetGroups(file, documents) {
  const damage = (problem) => new IndexDamagedError("facets.json", problem);
  if (!Array.isArray(file?.groups)) throw damage("keine Liste `groups`");
  return file.groups.map((group) => {
    if (typeof group?.key !== "string" || typeof group.label !== "string" || !Array.isArray(group.values)) {
      throw damage("eine Gruppe ohne `key`, `label` oder `values`");
    }
    const values = group.values.map((v) => {
      if (typeof v?.value !== "string" || !Array.isArray(v.runs) || v.runs.length % 2 !== 0) {
        throw damage(`ein Wert von \`${group.key}\` ohne Namen oder ohne Paare in \`runs\``);
      }
      const runs = new DocumentRuns();
      let end = 0;
      for (let i = 0; i < v.runs.length; i += 2) {
        const start = v.runs[i], length = v.runs[i + 1];
        if (!isWhole(start, end, documents - 1) || !isWhole(length, 0, documents - start)) {
          throw damage(`der Lauf [${start}, ${length}] von „${v.value}“ liegt nicht aufsteigend in 0..<${documents}`);
        }
        runs.append(start, start + length);
        end = start + length;
      }
      return { value: v.value, documents: runs };
    });
    return { key: group.key, label: group.label, values };
  });
}

/** Whether `document` passes the selected values of every group but `exceptGroup`. */
export function passes(groups, document, filters, exceptGroup) {
  for (const group of groups) {
    if (group.key === exceptGroup) continue;
    const selected = filters[group.key];
    if (!selected || selected.length === 0) continue;
    if (!group.values.some((v) => selected.includes(v.value) && v.documents.has(document))) return false;
  }
  return true;
}

/** Counts per facet value among `matches`, each group counted with the other groups' filters applied. */
export function facetCounts(groups, matches, filters) {
  // Without a selected value every group counts among all matches: sorted once, not once per group
  // (a word on thousands of pages made four sorts of them per query).
  const anySelected = Object.values(filters ?? {}).some((selected) => selected && selected.length > 0);
  const unfiltered = anySelected ? null : [...matches].sort((a, b) => a - b);
  return groups.map((group) => {
    const pool = unfiltered ?? [...matches].filter((d) => passes(groups, d, filters, group.key)).sort((a, b) => a - b);
    const selected = filters[group.key] ?? [];
    const values = group.values.map((v) => ({
      value: v.value, count: v.documents.countIn(pool), selected: selected.includes(v.value),
    })).filter((v) => v.count > 0 || v.selected);
    return { key: group.key, label: group.label, values };
  }).filter((group) => group.values.length > 0);
}
