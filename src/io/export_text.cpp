// Turtle (RDF stores, SPARQL) and the spreadsheet CSV: one row per edge.
#include "exchange_util.hpp"

namespace corpgraph::detail {
namespace {

constexpr std::string_view company_base = "https://corpgraph.dev/company/";

std::string company_iri(const Company& company) {
  return "<" + std::string(company_base) + percent_encode(company.name) + ">";
}

std::string literal(std::string_view text) { return "\"" + turtle_string(text) + "\""; }

std::string double_literal(double value) {
  return "\"" + format_double(value) + "\"^^xsd:double";
}

}  // namespace

std::string export_turtle(const Graph& graph) {
  std::string out =
      "# corpgraph export; vocabulary in docs/exchange.md\n"
      "@prefix cg: <https://corpgraph.dev/ns#> .\n"
      "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n";
  for (NodeId n = 0; n < graph.company_count(); ++n) {
    const Company& c = graph.company(n);
    out += company_iri(c) + " a cg:Company ;\n  cg:name " + literal(c.name) + " ;\n";
    for (const auto& alias : c.aliases) out += "  cg:alias " + literal(alias) + " ;\n";
    out += "  cg:kind " + literal(to_string(c.kind)) + " .\n";
  }
  out += "\n";
  // Plain triples for easy SPARQL; both directions for symmetric labels, since a pair is stored
  // once in whichever direction sorts first.
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    std::string a = company_iri(graph.company(edge.source));
    std::string b = company_iri(graph.company(edge.target));
    std::string p = "cg:" + rdf_property(edge.label);
    out += a + " " + p + " " + b + " .\n";
    if (is_symmetric(edge.label)) out += b + " " + p + " " + a + " .\n";
  }
  out += "\n";
  // The relation itself, reified, carries status, confidence and evidence.
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    out += "[] a cg:Relation ;\n  cg:source " + company_iri(graph.company(edge.source)) +
           " ;\n  cg:target " + company_iri(graph.company(edge.target)) + " ;\n  cg:label " +
           literal(to_string(edge.label)) + " ;\n  cg:status " + literal(to_string(edge.status)) +
           " ;\n  cg:symmetric " + (is_symmetric(edge.label) ? "true" : "false") +
           " ;\n  cg:confidence " + double_literal(edge.confidence) + " ;\n  cg:evidenceCount " +
           std::to_string(edge.evidence.size());
    for (const Evidence& ev : edge.evidence) {
      out += " ;\n  cg:evidence [ a cg:Evidence ; cg:doc " + literal(ev.doc) + " ; cg:sentence " +
             literal(ev.sentence) + " ; cg:start " + std::to_string(ev.start) + " ; cg:end " +
             std::to_string(ev.end) + " ; cg:confidence " + double_literal(ev.confidence) + " ]";
    }
    out += " .\n";
  }
  return out;
}

std::string export_csv(const Graph& graph) {
  std::string out = "source,relation,target,status,confidence,evidence_count,doc,sentence\n";
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    const Evidence* first = edge.evidence.empty() ? nullptr : &edge.evidence.front();
    out += csv_cell(graph.company(edge.source).name, true) + "," +
           std::string(to_string(edge.label)) + "," +
           csv_cell(graph.company(edge.target).name, true) + "," +
           std::string(to_string(edge.status)) + "," + format_double(edge.confidence) + "," +
           std::to_string(edge.evidence.size()) + "," + csv_cell(first ? first->doc : "", true) +
           "," + csv_cell(first ? first->sentence : "", true) + "\n";
  }
  return out;
}

}  // namespace corpgraph::detail
