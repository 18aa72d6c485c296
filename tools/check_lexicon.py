#!/usr/bin/env python3
"""Validates the extractor's built-in lexicon and prints its coverage.

Usage: tools/check_lexicon.py [--companies FILE] [--non-companies FILE] [--dict FILE] [--quiet]

Checks src/extract/data/companies.tsv (name kind aliases tickers products descriptors sector
country) and src/extract/data/non_companies.tsv (term type). Errors make the exit status 1;
warnings are printed but do not fail. Needs only the standard library; the English word check
uses /usr/share/dict/words (Debian package wamerican) when it is there and says so when not.
"""
import argparse
import collections
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"company", "bank", "fund", "media", "brand"}
NON_TYPES = {"regulator", "government", "exchange", "place", "university", "ranking",
             "media_reporter", "product", "time", "word"}
# A company may legitimately carry the same string as these non-company types: the extractor
# decides by context (an exchange being bought, a news agency as a business, a product-named app).
SHARED_TYPES = {"exchange", "media_reporter", "product"}
# Suffixes the extractor generates itself; the canonical name must not carry them, and two
# companies whose names differ only by them would collide after generation.
LEGAL_SUFFIXES = ["inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.",
                  "company", "ltd", "ltd.", "limited", "llc", "l.l.c.", "plc", "ag", "se", "sa",
                  "s.a.", "nv", "n.v.", "bv", "b.v.", "gmbh", "spa", "s.p.a.", "ab", "asa", "oyj",
                  "a/s", "as", "kk", "k.k.", "pte", "pty", "bhd", "berhad", "tbk", "lp", "l.p.",
                  "llp", "holdings", "holding", "group", "sarl", "s.a.r.l.", "kgaa", "co.,", "sas"]
# The canonical name may end in these when they are part of how the company is known
# ("Goldman Sachs Group" is not, "The Walt Disney Company" is not; "Sumitomo Corporation" is).
NAME_SUFFIX_EXEMPT = {"sumitomo corporation", "mitsubishi corporation", "x corp", "news corp",
                      "vf corp", "merck & co.", "fox corporation", "ball corporation",
                      "apa corporation", "hp inc.", "mitsui & co.", "smc corporation",
                      "disco corporation", "ayala corporation", "san miguel corporation",
                      "fpt corporation", "ly corporation", "true corporation",
                      "ytl corporation", "softbank corp.", "sea limited", "software ag",
                      "reach plc", "investor ab", "icon plc", "xp inc.", "tiffany & co.",
                      "lynk & co", "bennett, coleman & co.", "zip co"}
# Group, Holdings and Company are often part of the name people use ("Ant Group", "CME Group",
# "Booking Holdings"); only the suffixes below make a canonical name look like a legal name.
NAME_SUFFIXES = {"inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.",
                 "ltd", "ltd.", "limited", "llc", "plc", "ag", "se", "sa", "s.a.", "nv", "n.v.",
                 "gmbh", "spa", "s.p.a.", "ab", "asa", "oyj", "kk", "bhd", "berhad", "tbk", "lp",
                 "llp"}
COMMON_PERSON_NAMES = set("""
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron jose adam henry
nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald
carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie
gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip
johnny mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather
diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan
cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia
marie diana brittany natalie isabella charlotte rose alexis kayla
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez
gonzalez wilson anderson taylor moore jackson martin lee perez thompson white harris sanchez
clark ramirez lewis robinson walker young allen king wright scott torres nguyen hill flores
green adams nelson baker hall rivera campbell mitchell carter roberts gomez phillips evans
turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers
gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson
watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders
patel myers long ross foster jimenez wang li zhang liu chen yang huang zhao wu zhou xu sun ma
zhu hu guo he lin luo gao tanaka suzuki sato watanabe ito yamamoto nakamura kobayashi park choi
jung kang cho yoon jang lim singh kumar sharma gupta khan ali muller schmidt schneider fischer
weber meyer wagner becker schulz hoffmann rossi russo ferrari esposito bianchi romano dubois
bernard durand leroy moreau
""".split())


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, path, line, msg):
        self.errors.append(f"{os.path.relpath(path)}:{line}: error: {msg}")

    def warn(self, path, line, msg):
        self.warnings.append(f"{os.path.relpath(path)}:{line}: warning: {msg}")


def data_lines(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        sys.exit(f"{path}: not UTF-8 at byte {e.start}")
    for no, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        if not line.strip() or line.startswith("#"):
            continue
        yield no, line


def key(s):
    return unicodedata.normalize("NFKC", s).casefold().strip()


def strip_suffixes(s):
    words = key(s).replace(",", " ").split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    if words and words[0] == "the" and len(words) > 1:
        words.pop(0)
    return " ".join(words)


def load_dictionary(path):
    if not path or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8", errors="replace") as f:
        return {w.strip() for w in f if w.strip() and w.strip().islower()}


def load_countries():
    path = "/usr/share/iso-codes/json/iso_3166-1.json"
    codes = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            codes = {c["alpha_2"] for c in json.load(f)["3166-1"]}
    codes.add("XK")  # Kosovo: user-assigned, used by news and by us
    return codes if len(codes) > 1 else None


def check_companies(path, rep, words, countries):
    names = {}        # exact casefold name/alias -> (line, company)
    stripped = {}     # suffix-stripped form -> (line, company)
    tickers = {}
    rows = []
    for no, line in data_lines(path):
        f = line.split("\t")
        if len(f) != 8:
            rep.error(path, no, f"expected 8 TAB-separated fields, got {len(f)}")
            continue
        name, kind, aliases, tks, products, descs, sector, country = f
        if not name.strip():
            rep.error(path, no, "empty name")
            continue
        for i, v in enumerate(f):
            if v != v.strip():
                rep.error(path, no, f"field {i + 1} has leading/trailing spaces")
            if "||" in v or v.startswith("|") or v.endswith("|"):
                rep.error(path, no, f"field {i + 1} has an empty list item")
        if kind not in KINDS:
            rep.error(path, no, f"kind '{kind}' is not one of {sorted(KINDS)}")
        if not re.fullmatch(r"[a-z]+( [a-z]+)?", sector):
            rep.error(path, no, f"sector '{sector}' must be one or two lower-case words")
        if countries is not None and country not in countries:
            rep.error(path, no, f"country '{country}' is not an ISO 3166 alpha-2 code")
        last = key(name).split()[-1]
        # "China Investment Corporation" is a name; "Foo Corporation" is a legal form
        long_corp = last == "corporation" and len(key(name).split()) > 2
        if (last in NAME_SUFFIXES and key(name) not in NAME_SUFFIX_EXEMPT and not long_corp
                and len(key(name).split()) > 1):
            rep.warn(path, no, f"name '{name}' ends in a legal suffix")
        if name.endswith("\u2019s"):
            rep.error(path, no, f"name '{name}' has a typographic apostrophe")
        # "McDonald's" and "Macy's" are names, not possessives, so a plain 's passes; the
        # typographic apostrophe would never match text that the normaliser has rewritten.
        alias_list = [a for a in aliases.split("|") if a] if aliases else []
        seen_forms = set()
        for form in [name] + alias_list:
            k = key(form)
            if k in names and names[k][1] != name:
                rep.error(path, no, f"'{form}' is also a name or alias of '{names[k][1]}' "
                                    f"(line {names[k][0]})")
            elif k in names and form in seen_forms:
                rep.warn(path, no, f"alias '{form}' repeats the name or another alias")
            # a case variant ("NVIDIA" beside "Nvidia") is kept on purpose for exact matching
            seen_forms.add(form)
            names.setdefault(k, (no, name))
            s = strip_suffixes(form)
            if s in stripped and stripped[s][1] != name:
                rep.error(path, no, f"'{form}' collides with '{stripped[s][1]}' (line "
                                    f"{stripped[s][0]}) once legal suffixes are dropped")
            stripped.setdefault(s, (no, name))
        for a in alias_list:
            toks = a.split()
            if len(toks) == 1:
                low = a.casefold()
                # "IndiGo" and "NVIDIA" are spelled so that no English word matches them
                mixed = any(ch.isupper() for ch in a[1:])
                if words is not None and low in words and not mixed:
                    rep.error(path, no, f"alias '{a}' is a plain English word")
                if low in COMMON_PERSON_NAMES:
                    rep.error(path, no, f"alias '{a}' is a common first or last name")
        for t in [t for t in tks.split("|") if t] if tks else []:
            if " " in t:
                rep.error(path, no, f"ticker '{t}' contains a space")
            if t in tickers and tickers[t][1] != name:
                rep.error(path, no, f"ticker '{t}' also belongs to '{tickers[t][1]}' "
                                    f"(line {tickers[t][0]})")
            tickers.setdefault(t, (no, name))
        rows.append((no, name, kind, alias_list, products, descs, sector, country, tks))
    for no, name, _kind, _aliases, products, _d, _s, _c, tks in rows:
        for t in [t for t in tks.split("|") if t] if tks else []:
            if ":" in t or "." in t:
                continue
            # the extractor matches a bare ticker of 3+ letters wherever it stands
            if words is not None and t.lower() in words:
                rep.error(path, no, f"bare ticker '{t}' is an English word; write it as EXCHANGE:{t}")
            owner = names.get(key(t))
            if owner and owner[1] != name:
                rep.error(path, no, f"bare ticker '{t}' is a name or alias of '{owner[1]}' "
                                    f"(line {owner[0]})")
    # A product that is another company's name would make that company's mentions ambiguous:
    # "Gucci" is a company line, so it cannot also be a product standing for Kering.
    for no, name, _kind, _aliases, products, *_ in rows:
        for prod in [p for p in products.split("|") if p] if products else []:
            owner = names.get(key(prod))
            if owner and owner[1] != name:
                rep.error(path, no, f"product '{prod}' is a name or alias of company '{owner[1]}' "
                                    f"(line {owner[0]})")
    return rows, names


def check_non_companies(path, rep, company_names):
    seen = {}
    rows = []
    for no, line in data_lines(path):
        f = line.split("\t")
        if len(f) != 2:
            rep.error(path, no, f"expected 2 TAB-separated fields, got {len(f)}")
            continue
        term, typ = f
        if not term.strip() or term != term.strip():
            rep.error(path, no, "empty term or leading/trailing spaces")
            continue
        if typ not in NON_TYPES:
            rep.error(path, no, f"type '{typ}' is not one of {sorted(NON_TYPES)}")
        k = key(term)
        if k in seen:
            if seen[k][1] == typ:
                rep.error(path, no, f"'{term}' repeats line {seen[k][0]}")
            else:
                rep.warn(path, no, f"'{term}' is also listed as {seen[k][1]} (line {seen[k][0]})")
        seen.setdefault(k, (no, typ))
        if k in company_names and typ not in SHARED_TYPES:
            cl, cn = company_names[k]
            rep.error(path, no, f"'{term}' ({typ}) is a name or alias of company '{cn}' "
                                f"(companies line {cl})")
        rows.append((no, term, typ))
    return rows


def table(title, counter, width=4):
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    cells = [f"{k} {v}" for k, v in items]
    print(f"{title} ({len(items)}):")
    for i in range(0, len(cells), width * 2):
        print("  " + ", ".join(cells[i:i + width * 2]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--companies", default=os.path.join(ROOT, "src/extract/data/companies.tsv"))
    ap.add_argument("--non-companies",
                    default=os.path.join(ROOT, "src/extract/data/non_companies.tsv"))
    ap.add_argument("--dict", default="/usr/share/dict/words")
    ap.add_argument("--quiet", action="store_true", help="print only errors and the totals")
    args = ap.parse_args()

    rep = Report()
    words = load_dictionary(args.dict)
    countries = load_countries()
    rows, names = check_companies(args.companies, rep, words, countries)
    non_rows = check_non_companies(args.non_companies, rep, names)

    for w in ([] if args.quiet else rep.warnings):
        print(w)
    for e in rep.errors:
        print(e)
    if words is None:
        print(f"note: {args.dict} not found (Debian: apt-get install wamerican); "
              "the plain-English-word check on aliases was skipped")
    if countries is None:
        print("note: iso-codes not found; country codes were not checked")

    n_alias = sum(len(r[3]) for r in rows)
    print(f"companies: {len(rows)} entries, {n_alias} aliases, "
          f"{sum(1 for r in rows if r[8])} with tickers, "
          f"{sum(1 for r in rows if r[4])} with products, "
          f"{sum(1 for r in rows if r[5])} with descriptors")
    if not args.quiet:
        table("by kind", collections.Counter(r[2] for r in rows))
        table("by sector", collections.Counter(r[6] for r in rows))
        table("by country", collections.Counter(r[7] for r in rows))
    print(f"non-companies: {len(non_rows)} entries")
    if not args.quiet:
        table("by type", collections.Counter(r[2] for r in non_rows))
    print(f"{len(rep.errors)} errors, {len(rep.warnings)} warnings")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
