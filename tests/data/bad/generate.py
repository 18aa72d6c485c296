#!/usr/bin/env python3
"""Writes the broken inputs of tests/data/bad/ (the table that uses them is cases.tsv).

The files are committed; this script documents how each was made and rewrites them byte for
byte: python3 tests/data/bad/generate.py
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = {}


def put(name, data):
    FILES[name] = data.encode("utf-8") if isinstance(data, str) else data


# --- corpgraph graph files -------------------------------------------------------------------
company = {"name": "Apple", "aliases": ["Apple Inc."], "kind": "company"}
company2 = {"name": "Alibaba", "aliases": [], "kind": "company"}
evidence = {"doc": "a1", "sentence": "Apple partners with Alibaba.", "start": 0, "end": 28,
            "confidence": 0.9, "pattern": "partner"}
relation = {"source": "Alibaba", "relation": "partners", "target": "Apple", "status": "current",
            "confidence": 0.9, "evidence": [evidence]}
document = {"id": "a1", "title": "T", "date": "2024-01-01", "url": "", "extra": {}}


def graph(**over):
    g = {"format": "corpgraph", "version": 1, "companies": [company, company2],
         "documents": [document], "relations": [relation]}
    g.update(over)
    return g


def dumps(value):
    return json.dumps(value, indent=1, ensure_ascii=False) + "\n"


good = dumps(graph())
put("graph_empty.json", b"")
put("graph_whitespace.json", "   \n\n  \n")
# Truncated at every level: top object, companies array, a company, relations, evidence, string.
put("graph_truncated_top.json", '{"format": "corpgraph", "version": 1, "compan')
put("graph_truncated_companies.json", good[: good.index('"Apple Inc."')])
put("graph_truncated_relation.json", good[: good.index('"status": "current"')])
put("graph_truncated_evidence.json", good[: good.index('"start": 0')] + '"start": ')
put("graph_truncated_string.json", good[: good.index("partners with") + 4])
put("graph_missing_close.json", good.rstrip()[:-1])
put("graph_trailing_garbage.json", good + "{}\n")
put("graph_not_object.json", "[1, 2, 3]\n")
put("graph_wrong_format.json", dumps(graph(format="gephi")))
put("graph_no_format.json", dumps({k: v for k, v in graph().items() if k != "format"}))
put("graph_wrong_version.json", dumps(graph(version=2)))
put("graph_version_huge.json",
    good.replace('"version": 1', '"version": 123456789012345678901234567890'))
put("graph_version_string.json", dumps(graph(version="1")))
put("graph_companies_object.json", dumps(graph(companies={"Apple": {}})))
put("graph_unknown_label.json",
    dumps(graph(relations=[dict(relation, relation="befriends")])))
put("graph_unknown_status.json", dumps(graph(relations=[dict(relation, status="maybe")])))
put("graph_missing_target.json",
    dumps(graph(relations=[{k: v for k, v in relation.items() if k != "target"}])))
put("graph_huge_offset.json",
    good.replace('"start": 0', '"start": 184467440737095516160000'))
put("graph_negative_offset.json", good.replace('"start": 0', '"start": -5'))
put("graph_confidence_overflow.json", good.replace('"confidence": 0.9', '"confidence": 1e999', 1))
put("graph_nul_byte.json", good.replace('"Apple Inc."', '"Apple\u0000Inc."').replace(
    "\\u0000", "\x00"))
put("graph_invalid_utf8.json", good.encode().replace(b"Apple Inc.", b"Apple \xc3\x28 \xff Inc."))
put("graph_deep_nesting.json", "[" * 100000 + "]" * 100000 + "\n")
put("graph_deep_in_field.json",
    good.replace('"extra": {}', '"extra": {"deep": ' + "[" * 100000 + "]" * 100000 + "}"))
put("graph_deep_in_relation.json",
    good.replace('"status": "current"', '"notes": ' + "[" * 100000 + "]" * 100000
                 + ', "status": "current"'))
put("graph_escaped_nul.json", good.replace('"Apple Inc."', '"Apple\\u0000Inc."'))
put("graph_binary.json", bytes(random.Random(7).randrange(256) for _ in range(4096)))
put("graph_utf16.json", good.encode("utf-16"))
# A valid graph whose size the --max-graph-bytes case sets the ceiling below.
put("graph_valid.json", good)

# --- relation files ----------------------------------------------------------------------------
header = "source,relation,target,status,confidence,doc,sentence\n"
row = 'Apple,partners,Alibaba,current,0.9,a1,"Apple, the iPhone maker, partners with Alibaba."\n'
put("rel_csv_unbalanced_quote.csv", header + row + 'Apple,acquired,"Beats,current,1,a2,x\n' + row)
put("rel_csv_unclosed_quote.csv", header + row + 'Apple,partners,"Alibaba,current,0.9,a1,x\n')
put("rel_csv_quote_in_field.csv", header + 'Apple,partners,Ali"baba,current,0.9,a1,x\n')
put("rel_csv_no_header.csv", row * 3)
put("rel_csv_missing_column.csv", "source,relation,status\nApple,partners,current\n")
put("rel_csv_unknown_label.csv", header + "Apple,befriends,Alibaba,current,0.9,a1,x\n")
put("rel_csv_bad_confidence.csv", header + "Apple,partners,Alibaba,current,high,a1,x\n")
put("rel_csv_confidence_overflow.csv", header + "Apple,partners,Alibaba,current,1e999,a1,x\n")
put("rel_csv_short_row.csv", header + row + "Apple,partners\n")
put("rel_csv_nul.csv", header + "Apple,partners,Ali\x00baba,current,0.9,a1,x\n")
put("rel_csv_invalid_utf8.csv", (header + "Apple,partners,").encode() + b"Ali\xffbaba\xc0\xaf"
    + b",current,0.9,a1,x\n")
put("rel_csv_long_line.csv", header + "Apple,partners,Alibaba,current,0.9,a1," + "x" * 5000 + "\n")
put("rel_tsv_short_row.tsv", "source\trelation\ttarget\nApple\tpartners\n")
put("rel_tsv_empty_name.tsv", "source\trelation\ttarget\n\tpartners\tAlibaba\n")
rel = {"source": "Apple", "relation": "partners", "target": "Alibaba", "status": "current"}
put("rel_json_truncated.json", json.dumps([rel, rel])[:-20])
put("rel_json_string.json", '"just a string"\n')
put("rel_json_missing_source.json", json.dumps([{k: v for k, v in rel.items() if k != "source"}]))
put("rel_json_wrong_type.json", json.dumps([dict(rel, source=42)]))
put("rel_json_unknown_status.json", json.dumps([dict(rel, status="rumoured")]))
put("rel_json_deep_top.json", "[" * 100000 + "]" * 100000)
put("rel_json_deep.json", "[" + json.dumps(rel)[:-1] + ', "notes": ' + "[" * 100000 + "]" * 100000 + "}]")
put("rel_json_nested_8.json", "[" + json.dumps(rel)[:-1] + ', "notes": ' + "[" * 8 + "]" * 8 + "}]")
put("rel_jsonl_deep.jsonl", json.dumps(rel) + "\n" + json.dumps(rel)[:-1] + ', "notes": '
    + "[" * 100000 + "]" * 100000 + "}\n")
put("rel_jsonl_invalid_utf8.jsonl", json.dumps(rel).encode() + b"\n"
    + json.dumps(rel).encode().replace(b"Alibaba", b"Ali\xffbaba") + b"\n")
put("rel_jsonl_not_json.jsonl",
    json.dumps(rel) + "\n" + json.dumps(rel) + "\nthis line is not JSON\n" + json.dumps(rel) + "\n")
put("rel_jsonl_nul.jsonl", json.dumps(rel) + "\n\x00\x00\x00\n")
put("rel_jsonl_truncated.jsonl", json.dumps(rel) + "\n" + json.dumps(rel)[:25])

# --- graphs from other tools -------------------------------------------------------------------
gml_head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
            '  <key id="name" for="node" attr.name="name" attr.type="string"/>\n'
            '  <key id="label" for="edge" attr.name="label" attr.type="string"/>\n'
            '  <graph id="G" edgedefault="directed">\n'
            '    <node id="n0"><data key="name">Apple</data></node>\n'
            '    <node id="n1"><data key="name">Alibaba</data></node>\n')
gml_edge = '    <edge source="n0" target="n1"><data key="label">partners</data></edge>\n'
gml_tail = "  </graph>\n</graphml>\n"
bomb = ['<?xml version="1.0"?>\n<!DOCTYPE graphml [\n  <!ENTITY lol "lol">\n']
for i in range(1, 10):
    prev = "lol" if i == 1 else "lol%d" % (i - 1)
    bomb.append('  <!ENTITY lol%d "%s">\n' % (i, ("&%s;" % prev) * 10))
bomb.append("]>\n" + gml_head.split("\n", 1)[1].replace(
    "<data key=\"name\">Apple</data>", "<data key=\"name\">&lol9;</data>") + gml_edge + gml_tail)
put("graphml_entity_bomb.graphml", "".join(bomb))
put("graphml_external_entity.graphml",
    '<?xml version="1.0"?>\n<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    + gml_head.split("\n", 1)[1].replace(">Apple<", ">&xxe;<") + gml_edge + gml_tail)
put("graphml_truncated.graphml", gml_head + gml_edge[:30])
put("graphml_mismatched_tag.graphml", gml_head + gml_edge.replace("</edge>", "</node>") + gml_tail)
put("graphml_unknown_node.graphml", gml_head + gml_edge.replace('"n1"', '"n9"') + gml_tail)
put("graphml_bad_char_ref.graphml", gml_head.replace(">Apple<", ">App&#0;le<") + gml_edge + gml_tail)
put("graphml_invalid_utf8.graphml",
    (gml_head + gml_edge + gml_tail).encode().replace(b">Apple<", b">App\xc3\x28le<"))
put("graphml_deep.graphml", gml_head + "<data>" * 10000 + "</data>" * 10000 + gml_tail)
nl = {"directed": True, "multigraph": True, "graph": {},
      "nodes": [{"id": "Apple"}, {"id": "Alibaba"}],
      "links": [{"source": "Apple", "target": "Alibaba", "key": 0, "label": "partners"}]}
put("nodelink_truncated.json", json.dumps(nl)[:-30])
put("nodelink_unknown_node.json",
    json.dumps(dict(nl, links=[dict(nl["links"][0], target="Nobody")])))
put("nodelink_nodes_not_list.json", json.dumps(dict(nl, nodes={"Apple": 1})))

# --- articles -----------------------------------------------------------------------------------
art = {"id": "a1", "title": "Deal", "text": "Apple Inc. agreed to acquire Beats Electronics LLC."}
put("articles_not_json.jsonl", json.dumps(art) + "\n{not json at all\n" + json.dumps(art) + "\n")
put("articles_no_text.jsonl", json.dumps({"id": "a2", "title": "No text"}) + "\n")
put("articles_text_number.jsonl", json.dumps({"id": "a3", "text": 12345}) + "\n")
put("articles_long_line.jsonl", json.dumps(art) + "\n" + json.dumps(dict(art, text="Apple. " * 400)) + "\n")
put("article_empty.txt", b"")
put("article_binary.txt", bytes(random.Random(11).randrange(256) for _ in range(8192)))
put("article_invalid_utf8.txt",
    b"Apple Inc. \xff\xfe agreed to buy Beats \xc3\x28 Electronics LLC.\xed\xa0\x80 Done.\n")
put("article_nul.txt", b"Apple Inc.\x00 agreed to buy\x00 Beats Electronics LLC.\n")
put("article_big.txt", ("Apple Inc. and Alibaba Group said they would work together. " * 40) + "\n")
put("article_no_newline.txt", "Tencent Holdings invested in Ubisoft Entertainment SA " * 300)

for name, data in sorted(FILES.items()):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
print("wrote %d files to %s" % (len(FILES), HERE))
