// parse_mailbox_spec() against ext/imap on generated mailbox strings: the
// same strings rejected as an invalid remote specification.
// tests/imap_compat/record_mailbox_outcomes.php recorded ext/imap's outcomes
// into imapcompat_mailbox_outcomes.inc.
#include "imapcompat/mailbox_spec.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using mailbridge::imapcompat::MailboxSpec;
using mailbridge::imapcompat::parse_mailbox_spec;

namespace {

struct Outcome {
    const char *mailbox;
    bool valid;
};

const Outcome recorded_outcomes[] = {
#include "imapcompat_mailbox_outcomes.inc"
};

}  // namespace

TEST(MailboxSpecExtImap, SameOutcomesAsExtImap)
{
    size_t valid = 0;
    for (const Outcome &outcome : recorded_outcomes) {
        SCOPED_TRACE(outcome.mailbox);
        std::string reason;
        std::optional<MailboxSpec> spec = parse_mailbox_spec(outcome.mailbox, reason);
        EXPECT_EQ(spec.has_value(), outcome.valid) << reason;
        if (outcome.valid)
            valid++;
    }
    // The recording has both kinds in quantity, so neither side is vacuous.
    EXPECT_GT(valid, 300u);
    EXPECT_GT(sizeof(recorded_outcomes) / sizeof(recorded_outcomes[0]) - valid, 1000u);
}
