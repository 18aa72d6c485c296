#include <corpgraph/error.hpp>
#include <corpgraph/model.hpp>

#include <catch2/catch.hpp>

using namespace corpgraph;

TEST_CASE("every label round-trips through its relations.md spelling") {
  for (Label label : all_labels) CHECK(parse_label(to_string(label)) == label);
  CHECK(parse_label("Talked_To") == Label::talked_to);
  CHECK(parse_label("talked to") == Label::talked_to);
  CHECK_FALSE(parse_label("befriends").has_value());
}

TEST_CASE("statuses and kinds parse") {
  for (Status s : all_statuses) CHECK(parse_status(to_string(s)) == s);
  CHECK(parse_company_kind("Bank") == CompanyKind::bank);
  CHECK_FALSE(parse_status("maybe").has_value());
}

TEST_CASE("symmetric labels are the four of relations.md") {
  CHECK(is_symmetric(Label::partners));
  CHECK(is_symmetric(Label::talked_to));
  CHECK(is_symmetric(Label::former_deal));
  CHECK(is_symmetric(Label::competes_with));
  CHECK_FALSE(is_symmetric(Label::acquired));
  CHECK_FALSE(is_symmetric(Label::owns));
  CHECK(default_status(Label::former_deal) == Status::ended);
}

TEST_CASE("confidence combines as noisy-or, independent of order") {
  Evidence a, b;
  a.confidence = 0.5;
  b.confidence = 0.8;
  CHECK(combine_confidence({a, b}) == Approx(0.9));
  CHECK(combine_confidence({b, a}) == Approx(0.9));
  CHECK(combine_confidence({}) == 0.0);
}

TEST_CASE("status merge is commutative and prefers the later stage") {
  for (Status x : all_statuses)
    for (Status y : all_statuses) CHECK(merge_status(x, y) == merge_status(y, x));
  CHECK(merge_status(Status::pending, Status::current) == Status::current);
  CHECK(merge_status(Status::current, Status::ended) == Status::ended);
}

TEST_CASE("errors carry their location in the message and map to distinct exit codes") {
  Error e(ErrorKind::bad_input, SourceLocation{"a.json", 3, 7}, "expected ','");
  CHECK(std::string(e.what()) == "a.json:3:7: expected ','");
  CHECK(e.message() == "expected ','");
  CHECK(exit_code(ErrorKind::usage) == 2);
  CHECK(exit_code(ErrorKind::bad_input) == 3);
  CHECK(exit_code(ErrorKind::io) == 4);
  CHECK(exit_code(ErrorKind::internal) == 70);
}
