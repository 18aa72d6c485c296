// Graph databases: neo4j-admin import CSVs, cypher-shell MERGE statements, Kuzu COPY FROM CSVs.
#include "exchange_util.hpp"

namespace corpgraph::detail {
namespace {

std::string company_id(NodeId node) { return "c" + std::to_string(node); }

std::string cypher_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += cypher_string(items[i]);
  }
  return out + "]";
}

}  // namespace

std::vector<std::pair<std::string, std::string>> export_neo4j(const Graph& graph) {
  // Header grammar of neo4j-admin database import: name:type, :ID, :LABEL, :START_ID, :END_ID,
  // :TYPE. Arrays use the default array delimiter ';'.
  std::string nodes = "companyId:ID,name,aliases:string[],kind,degree:int,:LABEL\n";
  for (NodeId n = 0; n < graph.company_count(); ++n) {
    const Company& c = graph.company(n);
    std::string aliases;
    for (std::size_t i = 0; i < c.aliases.size(); ++i) {
      if (i > 0) aliases += ';';
      aliases += c.aliases[i];
    }
    nodes += company_id(n) + "," + csv_cell(c.name, false) + "," + csv_cell(aliases, false) +
             "," + std::string(to_string(c.kind)) + "," + std::to_string(degree(graph, n)) +
             ",Company\n";
  }
  std::string rels =
      ":START_ID,:END_ID,:TYPE,status,confidence:double,evidence_count:int,symmetric:boolean,"
      "sentence\n";
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    std::string sentence = edge.evidence.empty() ? "" : edge.evidence.front().sentence;
    rels += company_id(edge.source) + "," + company_id(edge.target) + "," +
            relation_type(edge.label) + "," + std::string(to_string(edge.status)) + "," +
            format_double(edge.confidence) + "," + std::to_string(edge.evidence.size()) + "," +
            (is_symmetric(edge.label) ? "true" : "false") + "," + csv_cell(sentence, false) + "\n";
  }
  return {{"nodes.csv", nodes}, {"relationships.csv", rels}};
}

std::string export_cypher(const Graph& graph) {
  std::string out =
      "// corpgraph export for cypher-shell: MERGE on names, so running it twice changes "
      "nothing.\n"
      "CREATE CONSTRAINT company_name IF NOT EXISTS FOR (c:Company) REQUIRE c.name IS UNIQUE;\n";
  for (NodeId n = 0; n < graph.company_count(); ++n) {
    const Company& c = graph.company(n);
    out += "MERGE (c:Company {name: " + cypher_string(c.name) + "}) SET c.aliases = " +
           cypher_list(c.aliases) + ", c.kind = " + cypher_string(to_string(c.kind)) + ";\n";
  }
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    std::vector<std::string> docs, sentences;
    for (const Evidence& ev : edge.evidence) {
      docs.push_back(ev.doc);
      sentences.push_back(ev.sentence);
    }
    out += "MATCH (a:Company {name: " + cypher_string(graph.company(edge.source).name) +
           "}), (b:Company {name: " + cypher_string(graph.company(edge.target).name) +
           "}) MERGE (a)-[r:`" + relation_type(edge.label) + "`]->(b) SET r.status = " +
           cypher_string(to_string(edge.status)) +
           ", r.confidence = " + format_double(edge.confidence) +
           ", r.evidence_count = " + std::to_string(edge.evidence.size()) +
           ", r.symmetric = " + (is_symmetric(edge.label) ? "true" : "false") +
           ", r.docs = " + cypher_list(docs) + ", r.sentences = " + cypher_list(sentences) +
           ";\n";
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> export_kuzu(const Graph& graph) {
  std::vector<std::pair<std::string, std::string>> files;
  std::string companies = "name,aliases,kind,degree\n";
  for (NodeId n = 0; n < graph.company_count(); ++n) {
    const Company& c = graph.company(n);
    companies += csv_cell(c.name, false) + "," + csv_cell(aliases_json(c), false) + "," +
                 std::string(to_string(c.kind)) + "," + std::to_string(degree(graph, n)) + "\n";
  }
  files.emplace_back("companies.csv", std::move(companies));
  // Every label gets its table, so a query naming an unused one finds nothing rather than fails.
  std::string schema =
      "// corpgraph export for Kuzu: run from this folder (COPY paths are relative).\n"
      "CREATE NODE TABLE Company(name STRING, aliases STRING, kind STRING, degree INT64, "
      "PRIMARY KEY (name));\n";
  for (Label label : all_labels)
    schema += "CREATE REL TABLE " + relation_type(label) +
              "(FROM Company TO Company, status STRING, confidence DOUBLE, evidence_count INT64, "
              "symmetric BOOLEAN, sentence STRING, evidence STRING);\n";
  // PARALLEL=false: Kuzu's parallel CSV reader cannot handle newlines inside quoted fields.
  schema += "COPY Company FROM 'companies.csv' (HEADER=true, PARALLEL=false);\n";
  for (Label label : all_labels) {
    std::string rows;
    for (EdgeId e = 0; e < graph.relation_count(); ++e) {
      const Edge& edge = graph.relation(e);
      if (edge.label != label) continue;
      std::string sentence = edge.evidence.empty() ? "" : edge.evidence.front().sentence;
      rows += csv_cell(graph.company(edge.source).name, false) + "," +
              csv_cell(graph.company(edge.target).name, false) + "," +
              std::string(to_string(edge.status)) + "," + format_double(edge.confidence) + "," +
              std::to_string(edge.evidence.size()) + "," +
              (is_symmetric(edge.label) ? "true" : "false") + "," + csv_cell(sentence, false) +
              "," + csv_cell(evidence_json(edge), false) + "\n";
    }
    if (rows.empty()) continue;
    std::string file = std::string(to_string(label)) + ".csv";
    schema += "COPY " + relation_type(label) + " FROM '" + file +
              "' (HEADER=true, PARALLEL=false);\n";
    files.emplace_back(file,
                       "from,to,status,confidence,evidence_count,symmetric,sentence,evidence\n" +
                           rows);
  }
  files.emplace_back("schema.cypher", std::move(schema));
  return files;
}

}  // namespace corpgraph::detail
