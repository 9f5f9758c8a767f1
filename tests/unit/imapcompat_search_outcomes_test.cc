// parse_search_criteria() against ext/imap on generated criteria strings:
// the same strings accepted, and the same "Unknown search criterion" text for
// the rejected ones. tests/imap_compat/record_search_outcomes.php recorded
// ext/imap's outcomes into imapcompat_search_outcomes.inc.
#include "imapcompat/search_criteria.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using mailbridge::imapcompat::parse_search_criteria;
using mailbridge::imapcompat::SearchCriteria;

namespace {

struct Outcome {
    const char *criteria;
    const char *message;  // empty when ext/imap accepted the criteria
};

const Outcome recorded_outcomes[] = {
#include "imapcompat_search_outcomes.inc"
};

}  // namespace

TEST(SearchCriteriaExtImap, SameOutcomesAsExtImap)
{
    size_t accepted = 0;
    for (const Outcome &outcome : recorded_outcomes) {
        SCOPED_TRACE(outcome.criteria);
        std::string error;
        std::optional<SearchCriteria> parsed = parse_search_criteria(outcome.criteria, error);
        EXPECT_EQ(parsed.has_value(), outcome.message[0] == '\0');
        EXPECT_EQ(error, outcome.message);
        if (parsed)
            accepted++;
    }
    // The recording has both kinds in quantity, so neither side is vacuous.
    EXPECT_GT(accepted, 100u);
    EXPECT_GT(sizeof(recorded_outcomes) / sizeof(recorded_outcomes[0]) - accepted, 1000u);
}
