// GraphML (Gephi, NetworkX, igraph, yEd) and GEXF 1.2draft (Gephi, NetworkX 2.8), written by hand
// so every value goes through one XML escaper.
#include "exchange_util.hpp"

#include <cmath>

namespace corpgraph::detail {
namespace {

void data(std::string& out, std::string_view key, std::string_view value, const char* indent) {
  out += indent;
  out += "<data key=\"";
  out += key;
  out += "\">";
  out += xml_escape(value);
  out += "</data>\n";
}

}  // namespace

std::string export_graphml(const Graph& graph) {
  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out +=
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  // Lists (aliases, evidence, documents) travel as JSON text: no delimiter a name could contain.
  out +=
      "  <key id=\"documents\" for=\"graph\" attr.name=\"documents\" attr.type=\"string\"/>\n"
      "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
      "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
      "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
      "  <key id=\"degree\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>\n"
      "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"status\" for=\"edge\" attr.name=\"status\" attr.type=\"string\"/>\n"
      "  <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n"
      "  <key id=\"evidence_count\" for=\"edge\" attr.name=\"evidence_count\" "
      "attr.type=\"int\"/>\n"
      "  <key id=\"symmetric\" for=\"edge\" attr.name=\"symmetric\" attr.type=\"boolean\"/>\n"
      "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n";
  out += "  <graph id=\"corpgraph\" edgedefault=\"directed\">\n";
  data(out, "documents", documents_json(graph), "    ");
  for (NodeId n = 0; n < graph.company_count(); ++n) {
    const Company& c = graph.company(n);
    out += "    <node id=\"" + xml_escape(c.name) + "\">\n";
    data(out, "name", c.name, "      ");
    data(out, "aliases", aliases_json(c), "      ");
    data(out, "kind", to_string(c.kind), "      ");
    data(out, "degree", std::to_string(degree(graph, n)), "      ");
    out += "    </node>\n";
  }
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    out += "    <edge id=\"e" + std::to_string(e) + "\" source=\"" +
           xml_escape(graph.company(edge.source).name) + "\" target=\"" +
           xml_escape(graph.company(edge.target).name) + "\">\n";
    data(out, "label", to_string(edge.label), "      ");
    data(out, "status", to_string(edge.status), "      ");
    data(out, "confidence", format_double(edge.confidence), "      ");
    data(out, "evidence_count", std::to_string(edge.evidence.size()), "      ");
    data(out, "symmetric", is_symmetric(edge.label) ? "true" : "false", "      ");
    data(out, "evidence", evidence_json(edge), "      ");
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

std::string export_gexf(const Graph& graph) {
  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out +=
      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
      "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" "
      "version=\"1.2\">\n";
  out += "  <meta>\n    <creator>corpgraph</creator>\n  </meta>\n";
  out += "  <graph mode=\"static\" defaultedgetype=\"directed\">\n";
  out +=
      "    <attributes class=\"node\">\n"
      "      <attribute id=\"0\" title=\"name\" type=\"string\"/>\n"
      "      <attribute id=\"1\" title=\"aliases\" type=\"string\"/>\n"
      "      <attribute id=\"2\" title=\"kind\" type=\"string\"/>\n"
      "      <attribute id=\"3\" title=\"degree\" type=\"integer\"/>\n"
      "    </attributes>\n"
      "    <attributes class=\"edge\">\n"
      "      <attribute id=\"0\" title=\"relation\" type=\"string\"/>\n"
      "      <attribute id=\"1\" title=\"status\" type=\"string\"/>\n"
      "      <attribute id=\"2\" title=\"confidence\" type=\"double\"/>\n"
      "      <attribute id=\"3\" title=\"evidence_count\" type=\"integer\"/>\n"
      "      <attribute id=\"4\" title=\"symmetric\" type=\"boolean\"/>\n"
      "    </attributes>\n";
  auto attvalue = [&](std::string_view id, std::string_view value) {
    out += "          <attvalue for=\"";
    out += id;
    out += "\" value=\"" + xml_escape(value) + "\"/>\n";
  };
  out += "    <nodes>\n";
  for (NodeId n = 0; n < graph.company_count(); ++n) {
    const Company& c = graph.company(n);
    std::size_t d = degree(graph, n);
    std::string name = xml_escape(c.name);
    out += "      <node id=\"" + name + "\" label=\"" + name + "\">\n        <attvalues>\n";
    attvalue("0", c.name);
    attvalue("1", aliases_json(c));
    attvalue("2", to_string(c.kind));
    attvalue("3", std::to_string(d));
    out += "        </attvalues>\n";
    // Area grows with degree, so hubs stand out without dwarfing the rest.
    double size = 10.0 + 6.0 * std::sqrt(static_cast<double>(d));
    out += "        <viz:size value=\"" + format_double(size) + "\"/>\n";
    out += "      </node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    out += "      <edge id=\"e" + std::to_string(e) + "\" source=\"" +
           xml_escape(graph.company(edge.source).name) + "\" target=\"" +
           xml_escape(graph.company(edge.target).name) + "\" label=\"" +
           std::string(to_string(edge.label)) + "\" weight=\"" +
           format_double(edge.confidence) + "\">\n        <attvalues>\n";
    attvalue("0", to_string(edge.label));
    attvalue("1", to_string(edge.status));
    attvalue("2", format_double(edge.confidence));
    attvalue("3", std::to_string(edge.evidence.size()));
    attvalue("4", is_symmetric(edge.label) ? "true" : "false");
    out += "        </attvalues>\n      </edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace corpgraph::detail
