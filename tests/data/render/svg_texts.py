# Used by tests/render_test.cpp: parses an SVG as XML (failing on any malformed byte) and checks
# that every expected name appears exactly as the text of a node and in that node's tooltip.
# Usage: /usr/bin/python3 svg_texts.py FILE.svg NAMES.hex   (one name a line, UTF-8 hex-encoded)
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
XLINK = '{http://www.w3.org/1999/xlink}title'

root = ET.parse(sys.argv[1]).getroot()
names = [bytes.fromhex(line.strip()).decode('utf-8') for line in open(sys.argv[2]) if line.strip()]
labels, tooltips = set(), []
for g in root.iter(SVG + 'g'):
    if g.get('class') != 'node':
        continue
    # A name with a newline is drawn as one <text> a line.
    labels.add('\n'.join(t.text or '' for t in g.iter(SVG + 'text')))
    tooltips += [a.get(XLINK) or '' for a in g.iter(SVG + 'a')]
missing = [n for n in names if n not in labels]
untitled = [n for n in names if not any(t.startswith(n + '\n') for t in tooltips)]
if missing or untitled:
    print('not drawn as text:', missing, 'not in a tooltip:', untitled, 'labels:', sorted(labels))
    sys.exit(1)
print('ok')
