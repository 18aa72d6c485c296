#!/usr/bin/python3
"""Checks that hostile names came out inert in one exported or rendered file.

Run by tests/cli_test.cpp ("injection"): check_injection.py FORMAT FILE NAMES.json
Exit 0 when inert, 1 with a message when not, 77 when the parser this check needs is missing.
"""
import csv
import json
import sys
import xml.etree.ElementTree as ET

fmt, path, names_file = sys.argv[1:4]
names = json.load(open(names_file, encoding="utf-8"))
raw = open(path, "rb").read()
text = raw.decode("utf-8")


def fail(message):
    print("%s (%s): %s" % (path, fmt, message))
    sys.exit(1)


def strings_of_xml(root):
    found = set()
    for el in root.iter():
        if el.text:
            found.add(el.text)
        found.update(el.attrib.values())
    return found


if fmt in ("svg", "graphml", "gexf"):
    # Graphviz's SVG names the public SVG DTD; an internal subset or an entity is never ours.
    if b"<!ENTITY" in raw or (b"<!DOCTYPE" in raw and fmt != "svg") or b"<!DOCTYPE svg [" in raw:
        fail("declares a DTD or entity")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as e:
        fail("not well-formed XML: %s" % e)
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "script":
            fail("a <script> element")
        if tag in ("node", "g") and el.attrib.get("id") == "evil":
            fail("an injected node")
    values = strings_of_xml(root)
    if fmt != "svg":
        # The exporters carry each name as one attribute or data value; it must come back whole.
        for name in names:
            want = name.replace("\r", "")
            if not any(want in v for v in values):
                fail("name %r is not among the values read back" % name)
elif fmt == "html":
    lowered = text.lower()
    if "<script>alert(1)" in lowered:
        fail("a raw <script>alert(1) from a name")
    # Every script element is the page's own: none opened by a name's text.
    if lowered.count("<script") != lowered.count("</script>"):
        fail("unbalanced script tags")
elif fmt == "csv":
    rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
    if not rows:
        fail("empty")
    for r, row in enumerate(rows, 1):
        for c, cell in enumerate(row, 1):
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                try:
                    float(cell)
                    continue  # a plain negative number is not a formula
                except ValueError:
                    fail("row %d column %d starts a formula: %r" % (r, c, cell))
elif fmt == "turtle":
    try:
        import rdflib
    except ImportError:
        sys.exit(77)
    g = rdflib.Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as e:  # rdflib raises several types for syntax errors
        fail("rdflib cannot parse it: %s" % e)
    literals = {str(o) for o in g.objects() if isinstance(o, rdflib.Literal)}
    for name in names:
        if name not in literals:
            fail("name %r is not a literal of the graph" % name)
    for term in list(g.subjects()) + list(g.objects()):
        if isinstance(term, rdflib.URIRef) and str(term).startswith("http://evil"):
            fail("an injected IRI %s" % term)
elif fmt == "cypher":
    # Outside string literals, identifiers and comments, no injected keyword may appear.
    i, n, outside = 0, len(text), []
    while i < n:
        ch = text[i]
        if ch in "'\"":
            j = i + 1
            while j < n and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                fail("unterminated string literal at offset %d" % i)
            i = j + 1
        elif ch == "`":
            j = text.find("`", i + 1)
            if j < 0:
                fail("unterminated identifier")
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        else:
            outside.append(ch)
            i += 1
    code = "".join(outside)
    if "DETACH" in code or "DROP" in code:
        fail("an injected statement outside string literals")
elif fmt == "dot":
    # Whether a statement escaped its string is for Graphviz to say: cli_test runs dot and gvpr.
    pass
else:
    fail("unknown format")
sys.exit(0)
