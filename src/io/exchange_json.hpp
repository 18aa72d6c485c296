// Internal to io's exchange code: the evidence and document readers node-link import shares with
// the embedded JSON of GraphML.
#pragma once

#include "exchange_util.hpp"

#include <rapidjson/document.h>

namespace corpgraph::detail {

[[nodiscard]] std::vector<Evidence> evidence_from_json(const rapidjson::Value& array,
                                                       const TextPlace& where);
[[nodiscard]] std::vector<Document> documents_from_json(const rapidjson::Value& array,
                                                        const TextPlace& where);

}  // namespace corpgraph::detail
