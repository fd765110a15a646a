// German text analysis for the browser: the same folding, tokenising and stemming as the Swift
// module TextAnalysis (GermanFolding, Tokenizer, libstemmer's Snowball German). The fixture
// Tests/Fixtures/analysis.json is checked against both, so they cannot drift apart.

const LATIN = new Map();
for (const [letters, ascii] of [
  ["äàáâãåā", "a"], ["æ", "ae"], ["çćč", "c"], ["ďđ", "d"], ["èéêëēėę", "e"], ["ìíîïī", "i"],
  ["ñńň", "n"], ["öòóôõøō", "o"], ["œ", "oe"], ["řŕ", "r"], ["śšş", "s"], ["ß", "ss"], ["ťţ", "t"],
  ["üùúûūů", "u"], ["ýÿ", "y"], ["žźż", "z"], ["ł", "l"],
]) {
  for (const ch of letters) {
    LATIN.set(ch.codePointAt(0), ascii);
    for (const upper of ch.toUpperCase()) if (upper !== ch) LATIN.set(upper.codePointAt(0), ascii);
  }
}
LATIN.set(0x1e9e, "ss");

const LETTER = /[\p{Alphabetic}\p{Nd}]/u;
const MIN_LENGTH = 2;
const MAX_LENGTH = 64;

/** Removes the e of ae, oe, ue: "mueller" -> "muller". */
export function collapseDigraphs(word) {
  let out = "";
  for (const ch of word) {
    if (ch === "e" && out.length > 0) {
      const previous = out[out.length - 1];
      if (previous === "a" || previous === "o" || previous === "u") continue;
    }
    out += ch;
  }
  return out;
}

function byteLength(text) {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * Tokens of `text` as {text, kind, start, end}: kind "word" or "hyphenPart"; start/end are
 * UTF-16 offsets of the surface form in `text` (for highlighting).
 */
export function tokenize(text) {
  const tokens = [];
  let word = "";
  let parts = [];
  let pendingHyphen = false;
  let start = -1;
  let end = -1;
  const finish = () => {
    if (word) emit(word, parts, start, end, tokens);
    word = ""; parts = []; pendingHyphen = false; start = -1;
  };
  const join = () => {
    if (!pendingHyphen) return;
    if (parts.length === 0) parts.push(0);
    parts.push(word.length);
    pendingHyphen = false;
  };
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i);
    const size = code > 0xffff ? 2 : 1;
    const at = i;
    i += size;
    if (code < 0x80) {
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        join(); if (start < 0) start = at; word += String.fromCharCode(code); end = i;
      } else if (code >= 65 && code <= 90) {
        join(); if (start < 0) start = at; word += String.fromCharCode(code | 0x20); end = i;
      } else if (code === 45) {
        if (word && !pendingHyphen) pendingHyphen = true; else finish();
      } else {
        finish();
      }
      continue;
    }
    if (code === 0xad || (code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200d)) continue;
    if (code === 0x2010 || code === 0x2011) {
      if (word && !pendingHyphen) pendingHyphen = true; else finish();
      continue;
    }
    const folded = LATIN.get(code);
    const ch = String.fromCodePoint(code);
    if (folded !== undefined) {
      join(); if (start < 0) start = at; word += folded; end = i;
    } else if (LETTER.test(ch)) {
      join(); if (start < 0) start = at; word += ch.toLowerCase(); end = i;
    } else {
      finish();
    }
  }
  finish();
  return tokens;
}

function emit(word, parts, start, end, tokens) {
  const whole = collapseDigraphs(word);
  const length = byteLength(whole);
  if (length >= MIN_LENGTH && length <= MAX_LENGTH) tokens.push({ text: whole, kind: "word", start, end });
  if (parts.length < 2) return;
  for (let p = 0; p < parts.length; p++) {
    const piece = collapseDigraphs(word.slice(parts[p], p + 1 < parts.length ? parts[p + 1] : word.length));
    const pieceLength = byteLength(piece);
    if (pieceLength >= MIN_LENGTH && pieceLength <= MAX_LENGTH) tokens.push({ text: piece, kind: "hyphenPart", start, end });
  }
}

// Snowball German stemmer, as in libstemmer 2.2 (the prelude's ß handling is moot: words arrive folded).
const VOWELS = new Set(["a", "e", "i", "o", "u", "y", "ä", "ö", "ü"]);
const S_ENDING = new Set([..."bdfghklmnrt"]);
const ST_ENDING = new Set([..."bdfghklmnt"]);

/**
 * The stem of a folded word: Snowball German, then a final "eln" loses its "n" (the dative plural
 * "Arzneimitteln" meets "Arzneimittel"), as in the Swift module's GermanStemmer.
 */
export function stem(input) {
  const s = snowballStem(input);
  // Six UTF-8 bytes or more, as the Swift side counts.
  return s.endsWith("eln") && new TextEncoder().encode(s).length >= 6 ? s.slice(0, -1) : s;
}

/** The Snowball German stem of a folded word. */
export function snowballStem(input) {
  const w = [...input];
  // Prelude: u and y between vowels become consonants (marked upper case).
  for (let i = 1; i + 1 < w.length; i++) {
    if (VOWELS.has(w[i - 1]) && VOWELS.has(w[i + 1])) {
      if (w[i] === "u") w[i] = "U";
      else if (w[i] === "y") w[i] = "Y";
    }
  }
  const isVowel = (i) => VOWELS.has(w[i]);
  // Regions R1 and R2.
  let p1 = w.length, p2 = w.length;
  let i = 0;
  while (i < w.length && !isVowel(i)) i++;
  while (i < w.length && isVowel(i)) i++;
  if (i < w.length) {
    p1 = i + 1;
    let j = p1;
    while (j < w.length && !isVowel(j)) j++;
    while (j < w.length && isVowel(j)) j++;
    if (j < w.length) p2 = j + 1;
  }
  if (p1 < 3) p1 = 3;
  let s = w.join("");
  const ends = (suffix) => s.endsWith(suffix);
  const longest = (list) => list.filter(ends).sort((a, b) => b.length - a.length)[0];
  const inR1 = (suffix) => s.length - suffix.length >= p1;
  const inR2 = (suffix) => s.length - suffix.length >= p2;
  const cut = (n) => { s = s.slice(0, s.length - n); };

  // Step 1.
  let suffix = longest(["em", "ern", "er", "e", "en", "es", "s"]);
  if (suffix && inR1(suffix)) {
    if (suffix === "s") {
      if (S_ENDING.has(s[s.length - 2])) cut(1);
    } else {
      cut(suffix.length);
      if ((suffix === "e" || suffix === "en" || suffix === "es") && ends("niss")) cut(1);
    }
  }
  // Step 2.
  suffix = longest(["en", "er", "est", "st"]);
  if (suffix && inR1(suffix)) {
    if (suffix === "st") {
      if (ST_ENDING.has(s[s.length - 3]) && s.length - 3 >= 3) cut(2);
    } else {
      cut(suffix.length);
    }
  }
  // Step 3: derivational suffixes.
  suffix = longest(["end", "ung", "ig", "ik", "isch", "lich", "heit", "keit"]);
  if (suffix && inR2(suffix)) {
    if (suffix === "end" || suffix === "ung") {
      cut(3);
      if (ends("ig") && s[s.length - 3] !== "e" && inR2("ig")) cut(2);
    } else if (suffix === "ig" || suffix === "ik" || suffix === "isch") {
      if (s[s.length - suffix.length - 1] !== "e") cut(suffix.length);
    } else if (suffix === "lich" || suffix === "heit") {
      cut(4);
      if ((ends("er") || ends("en")) && inR1("er")) cut(2);
    } else if (suffix === "keit") {
      cut(4);
      const inner = longest(["lich", "ig"]);
      if (inner && inR2(inner)) cut(inner.length);
    }
  }
  // Postlude.
  return s.replace(/U/g, "u").replace(/Y/g, "y").replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u");
}

/** Folds one word or phrase to its search form, joined: fold("Müller") === "muller". */
export function fold(text) {
  return tokenize(text).filter((t) => t.kind === "word").map((t) => t.text).join("");
}
