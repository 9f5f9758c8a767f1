// libFuzzer target for the ext/imap-compatible parsers.
//
// Input layout: byte 0 selects the parser (even: mailbox string, odd: search
// criteria), and the remaining bytes are its input. Besides crashes and
// sanitizer reports, the target checks what callers rely on. A rejected input
// always has a reason, and an accepted mailbox string always yields a port and
// a canonical name. No search argument can break the command line, because
// only a literal may carry CR or LF.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "imapcompat/mailbox_spec.h"
#include "imapcompat/search_criteria.h"

namespace imapcompat = mailbridge::imapcompat;
using mailbridge::imap::ArgumentForm;
using mailbridge::imap::LiteralSupport;

namespace {

// abort() rather than assert() so that the checks stay in release builds.
void check(bool condition)
{
    if (!condition)
        std::abort();
}

void fuzz_mailbox(std::string_view input)
{
    std::string reason;
    std::optional<imapcompat::MailboxSpec> spec = imapcompat::parse_mailbox_spec(input, reason);
    if (!spec) {
        check(!reason.empty());
        check(!imapcompat::invalid_specification_message(input).empty());
        return;
    }
    check(reason.empty());
    check(!spec->host.empty() && spec->host.size() <= imapcompat::max_host_length);
    check(spec->port <= 65535);
    check(!spec->mailbox.empty());

    std::optional<imapcompat::ConnectionPlan> plan =
        imapcompat::plan_connection(*spec, "user", imapcompat::op_readonly, reason);
    if (!plan) {
        check(!reason.empty());
        return;
    }
    check(plan->port != 0);
    std::string name = imapcompat::canonical_name(*plan);
    check(name.size() > 2 && name[0] == '{');
}

void fuzz_criteria(std::string_view input)
{
    std::string error;
    std::optional<imapcompat::SearchCriteria> criteria = imapcompat::parse_search_criteria(input, error);
    if (!criteria) {
        check(error.rfind("Unknown search criterion: ", 0) == 0);
        return;
    }
    check(error.empty());
    for (LiteralSupport support : {LiteralSupport::none, LiteralSupport::literal_plus}) {
        imapcompat::SearchCommand command = imapcompat::build_search_command(*criteria, "UTF-8", support);
        check(!command.arguments.empty());
        for (const auto &argument : command.arguments) {
            if (argument.form == ArgumentForm::literal) {
                check(!argument.text.empty() && argument.text.back() == '}');
            } else {
                check(!argument.text.empty());
                check(argument.text.find_first_of("\r\n", 0) == std::string::npos);
                check(argument.text.find('\0') == std::string::npos);
            }
        }
        imapcompat::render_search_command(command, true);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    std::string_view input(reinterpret_cast<const char *>(data) + 1, size - 1);
    if (data[0] % 2 == 0)
        fuzz_mailbox(input);
    else
        fuzz_criteria(input);
    return 0;
}
