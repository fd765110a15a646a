#!/usr/bin/env python3
"""Generates a synthetic vcc project of N pages with German vocabulary, for scaling measurements.

usage: synthetic.py N OUTDIR [--seed 1]

Pages look like blueprints and reports of a knowledge base: front matter, 4-12 sections of
German prose of 2-9 KB in all, lists and occasional tables, links to other pages. The words are
German administrative vocabulary plus compounds made from it, so the index sees realistic
compounding. Deterministic for a given seed.
"""
import argparse
import pathlib
import random

NOUNS = """Verwaltung Antrag Bescheid Behörde Gemeinde Stadt Kreis Land Bund Bürger Bürgerin Dienst Leistung
Verfahren Akte Dokument Daten Schutz Sicherheit Recht Gesetz Verordnung Satzung Frist Gebühr Zahlung Konto
Termin Büro Amt Stelle Abteilung Team Projekt Bericht Plan Planung Entwicklung Prüfung Kontrolle Qualität
Nutzung Zugang Portal Plattform Anwendung Software System Netz Netzwerk Server Schnittstelle Prozess Ablauf
Aufgabe Ziel Ergebnis Erfahrung Beteiligung Jugend Schule Kita Pflege Gesundheit Umwelt Klima Energie Wasser
Abfall Verkehr Straße Radweg Bahn Bus Haltestelle Parkplatz Baustelle Wohnung Miete Förderung Haushalt Steuer
Vergabe Auftrag Vertrag Lizenz Kosten Personal Schulung Kurs Modul Wissen Kompetenz Zentrum Forum Labor
Dashboard Statistik Analyse Bewertung Kennzahl Formular Posteingang Scanner Roboter Regel Norm Richtlinie""".split()
ADJECTIVES = """digital öffentlich kommunal städtisch offen barrierefrei sicher schnell einfach neu erste zweite
gemeinsam regional zentral elektronisch automatisch rechtlich technisch finanziell sozial nachhaltig""".split()
VERBS = """prüfen beantragen erstellen digitalisieren veröffentlichen bearbeiten speichern übermitteln einführen
verbessern messen auswerten planen abstimmen schulen nutzen teilen übernehmen begleiten dokumentieren""".split()
SMALL = "der die das und mit für von im auf bei zur zum aus nach über unter wird werden ist sind kann muss soll".split()
THEMES = ["Digitale Verwaltung", "Open Data", "Barrierefreiheit", "Künstliche Intelligenz", "Onlinedienste",
          "Datenschutz", "Smart City", "Qualifizierung", "Automatisierung", "Beteiligung"]


def compound(rng):
    a, b = rng.sample(NOUNS, 2)
    link = rng.choice(["", "", "s", "en"]) if not a.endswith("e") else ""
    return a + link + b.lower()


def sentence(rng):
    words = []
    for _ in range(rng.randint(6, 16)):
        r = rng.random()
        if r < 0.35:
            words.append(rng.choice(SMALL))
        elif r < 0.6:
            words.append(rng.choice(NOUNS))
        elif r < 0.72:
            words.append(compound(rng))
        elif r < 0.85:
            words.append(rng.choice(ADJECTIVES))
        else:
            words.append(rng.choice(VERBS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def page(rng, index, total):
    title = f"{compound(rng)} {rng.choice(NOUNS)} {index}"
    lines = ["---", f"title: \"{title}\"", f"summary: \"{sentence(rng)}\"",
             f"keywords: [{', '.join(rng.sample(THEMES, 2))}]", "---", ""]
    for s in range(rng.randint(4, 12)):
        lines += [f"## {rng.choice(ADJECTIVES).capitalize()} {compound(rng)} {s + 1}", ""]
        lines.append(" ".join(sentence(rng) for _ in range(rng.randint(3, 8))))
        lines.append("")
        if rng.random() < 0.4:
            lines += [f"- {sentence(rng)}" for _ in range(rng.randint(2, 5))] + [""]
        if rng.random() < 0.1:
            lines += ["| Kennzahl | Wert |", "|---|--:|"] + [f"| {rng.choice(NOUNS)} | {rng.randint(1, 999)} |" for _ in range(3)] + [""]
        if rng.random() < 0.3 and total > 1:
            other = rng.randrange(total)
            lines += [f"Siehe auch [Seite {other}](../{other // 1000:03d}/p{other:06d}.md).", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = pathlib.Path(args.out)
    for i in range(args.count):
        folder = out / "content" / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"p{i:06d}.md").write_text(page(rng, i, args.count), encoding="utf-8")
    (out / "site.yml").write_text("title: Synthetisch\n", encoding="utf-8")


if __name__ == "__main__":
    main()
