// manifest.bin (../FORMAT.md) as the browser reads it: every key the Swift type IndexManifest.swift
// writes, checked as it checks them, so that both engines reject the same files. The query
// thresholds of SearchTuning.swift come from here; the client repeats none of them.

import { IndexDamagedError, isStrings, isWhole, LIMITS } from "./index-checks.js";
import { compareTerms } from "./term-shard.js";

/** The index format this client reads (`format` of current.json and manifest.bin). */
export const FORMAT = "vcc-search/9";

/** The percentages of the manifest (0…LIMITS.percent). */
const PERCENTS = ["partialMatchPercent", "partialMatchMinimumPercent", "synonymPercent", "weakUnitPercent", "weakDocumentPercent", "titleMatchPercent", "metaMatchPercent", "titlePhrasePercent", "passageNearPercent"];
/** The letter and shard counts of the query thresholds (0…LIMITS.letters). */
const LETTERS = ["prefixMinimumLetters", "prefixStemExtraLetters", "prefixStemMinimumLetters", "prefixFollowingShards",
  "typoMinimumLetters", "splitMinimumLetters", "splitMinimumPartLetters", "splitHeadMinimumLetters"];
/** The BM25F constants of `tuning` (numbers; lists of numbers for the per-field ones). */
const TUNING_NUMBERS = ["k1", "compoundPartWeight", "titleCompoundPartWeight", "hyphenPartWeight", "lengthPriorFloor", "lengthPriorStart"];
const TUNING_LISTS = ["fieldWeights", "lengthNormalisation"];

/** `manifest`, checked as IndexManifest.swift checks it; returns it. */
export function checkedManifest(manifest) {
  const damage = (problem) => new IndexDamagedError("manifest.bin", problem);
  if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) throw damage("kein JSON-Objekt");
  const number = (object, key, highest, lowest = 0) => {
    if (!isWhole(object?.[key], lowest, highest)) throw damage(`\`${key}\` fehlt oder liegt nicht zwischen ${lowest} und ${highest}`);
  };
  number(manifest, "documents", LIMITS.documents);
  number(manifest, "terms", LIMITS.terms);
  if (!isStrings(manifest.shards)) throw damage("`shards` ist keine Liste von Termen");
  for (let i = 1; i < manifest.shards.length; i++) {
    if (compareTerms(manifest.shards[i - 1], manifest.shards[i]) >= 0) throw damage("`shards` ist nicht sortiert");
  }
  if (!isStrings(manifest.stopwords)) throw damage("`stopwords` ist keine Liste von Wörtern");
  for (const kind of ["exact", "prefix", "split", "typo", "family"]) number(manifest.matchWeights, kind, LIMITS.matchWeight);
  for (const key of PERCENTS) number(manifest, key, LIMITS.percent);
  number(manifest, "maximumPrefixTerms", LIMITS.tuningCount);
  number(manifest, "partialMatchBelow", LIMITS.tuningCount);
  number(manifest, "weakDocumentMinimum", LIMITS.tuningCount);
  if (!isStrings(manifest.weakWords)) throw damage("`weakWords` ist keine Liste von Wörtern");
  const families = manifest.wordFamilies;
  if (families === null || typeof families !== "object" || !isStrings(families.suffixes) || !isStrings(families.prefixes)
    || !isStrings(families.exceptions) || !isStrings(families.prefixWordEndings)) throw damage("`wordFamilies` hat nicht die erwartete Art");
  number(families, "minimumRootLetters", LIMITS.letters);
  for (const key of LETTERS) number(manifest, key, LIMITS.letters);
  if (!isStrings(manifest.splitLinkingElements)) throw damage("`splitLinkingElements` ist keine Liste von Silben");
  number(manifest, "passagesPerBlock", LIMITS.tuningCount, 1);
  number(manifest, "passagesPerLaterBlock", LIMITS.tuningCount, 1);
  if (!Array.isArray(manifest.synonyms) || !manifest.synonyms.every(isStrings)) throw damage("`synonyms` ist keine Liste von Gruppen");
  // Never computed with, but part of the type both engines read.
  const tuning = manifest.tuning;
  const isNumber = (value) => typeof value === "number";
  if (tuning === null || typeof tuning !== "object" || !TUNING_NUMBERS.every((key) => isNumber(tuning[key]))
    || !TUNING_LISTS.every((key) => Array.isArray(tuning[key]) && tuning[key].every(isNumber))) {
    throw damage("`tuning` hat nicht die erwartete Art");
  }
  return manifest;
}
