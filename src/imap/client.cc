#include "imap/client.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <set>
#include <stdexcept>

#include "imap/utf7.h"

namespace mailbridge::imap {

namespace {

bool is_atom_char(unsigned char c)
{
    return c > 0x20 && c < 0x7f && std::strchr("(){%*\"\\]", c) == nullptr;
}

void check_flag(const std::string &flag)
{
    std::string_view name = flag;
    if (!name.empty() && name[0] == '\\')
        name.remove_prefix(1);
    bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return is_atom_char(static_cast<unsigned char>(c));
    });
    if (!valid)
        throw std::invalid_argument("invalid flag '" + flag +
                                    "': a flag is \\Name or a keyword of printable ASCII without spaces, "
                                    "brackets, quotes, '%', '*' or '\\'");
}

// section-spec of RFC 3501: part numbers, HEADER, TEXT, MIME and
// HEADER.FIELDS[.NOT] with a parenthesized list of field names.
void check_section(const std::string &section)
{
    int depth = 0;
    for (unsigned char c : section) {
        bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '-' || c == '_' || c == ' ' || c == '(' || c == ')';
        if (!allowed)
            throw std::invalid_argument("invalid section '" + section +
                                        "': use part numbers, HEADER, TEXT, MIME or HEADER.FIELDS (NAMES)");
        if (c == '(')
            ++depth;
        if (c == ')' && --depth < 0)
            break;
        if (depth > 1)
            break;
    }
    if (depth != 0)
        throw std::invalid_argument("invalid section '" + section + "': unbalanced parentheses");
}

// ext/imap names the header of message/rfc822 part N "N.0", and the whole
// message's header "0". Part numbers are nz-number in RFC 3501, and
// Exchange replies BAD to BODY[3.0], so these become "N.HEADER" and
// "HEADER".
std::string header_section_for_part_zero(const std::string &section)
{
    if (section == "0")
        return "HEADER";
    if (section.size() < 3 || section.compare(section.size() - 2, 2, ".0") != 0)
        return section;
    for (size_t i = 0; i + 2 < section.size(); ++i) {
        char c = section[i];
        if (!(c == '.' || (c >= '0' && c <= '9')))
            return section;
    }
    return section.substr(0, section.size() - 1) + "HEADER";
}

std::string format_internal_date(int64_t unix_time)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t seconds = static_cast<time_t>(unix_time);
    struct tm utc{};
    if (gmtime_r(&seconds, &utc) == nullptr || utc.tm_year + 1900 > 9999 || utc.tm_year + 1900 < 1)
        throw std::invalid_argument("internal date out of range: " + std::to_string(unix_time));
    char text[40];
    // date-time of RFC 3501: "dd-Mon-yyyy hh:mm:ss +zzzz" with a space-padded day.
    std::snprintf(text, sizeof text, "%2d-%s-%04d %02d:%02d:%02d +0000", utc.tm_mday, months[utc.tm_mon],
                  utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return text;
}

// Read COPYUID (RFC 4315) from a tagged OK: uidvalidity, source set, target set.
std::optional<CopyResult> read_copy_uid(const Response &tagged)
{
    if (!tagged.code || tagged.code->name != "COPYUID" || tagged.code->arguments.size() < 3 ||
        !tagged.code->arguments[0].is_number())
        return std::nullopt;
    CopyResult result;
    result.uid_validity = static_cast<uint32_t>(tagged.code->arguments[0].number);
    result.source_uids = tagged.code->arguments[1].text;
    result.target_uids = tagged.code->arguments[2].text;
    return result;
}

}  // namespace

std::string format_flag_list(const std::vector<std::string> &flags)
{
    std::string list = "(";
    for (const std::string &flag : flags) {
        check_flag(flag);
        if (list.size() > 1)
            list += ' ';
        list += flag;
    }
    return list + ")";
}

std::string format_fetch_items(const FetchRequest &request, bool by_uid)
{
    std::vector<std::string> items;
    if (request.uid || by_uid)
        items.push_back("UID");
    if (request.flags)
        items.push_back("FLAGS");
    if (request.internal_date)
        items.push_back("INTERNALDATE");
    if (request.size)
        items.push_back("RFC822.SIZE");
    if (request.envelope)
        items.push_back("ENVELOPE");
    if (request.body_structure)
        items.push_back("BODYSTRUCTURE");
    for (const std::string &requested : request.sections) {
        check_section(requested);
        std::string section = header_section_for_part_zero(requested);
        // BODY.PEEK never sets \Seen (RFC 3501 6.4.5); BODY[] would.
        std::string item = "BODY.PEEK[" + section + "]";
        if (request.partial)
            item += "<" + std::to_string(request.partial->first) + "." + std::to_string(request.partial->second) + ">";
        items.push_back(item);
    }
    if (items.empty())
        throw std::invalid_argument("the FETCH request asks for nothing");
    std::string list = "(";
    for (const std::string &item : items) {
        if (list.size() > 1)
            list += ' ';
        list += item;
    }
    return list + ")";
}

Client::Client(SessionConfig config, LogSink log) : config_(std::move(config)), log_(std::move(log)) {}

Client::~Client()
{
    if (session_)
        session_->abandon();
}

void Client::abandon()
{
    if (session_)
        session_->abandon();
    drop_session();
    selected_.reset();
}

void Client::drop_session()
{
    if (!session_)
        return;
    // Keep the [ALERT] texts: an alert often explains the failure that
    // ends the session, such as a locked account before a failed login.
    for (std::string &alert : session_->take_alerts())
        dropped_alerts_.push_back(std::move(alert));
    session_.reset();
}

void Client::adopt(std::unique_ptr<Session> session)
{
    abandon();
    session->set_log(log_);
    session->set_timeout(config_.timeout);
    session_ = std::move(session);
}

std::unique_ptr<Session> Client::release_for_pool()
{
    if (!connected() || session_->owner_pid() != getpid()) {
        abandon();
        return nullptr;
    }
    try {
        leave_mailbox();
    } catch (const Error &) {
        abandon();
        return nullptr;
    }
    if (!connected()) {
        abandon();
        return nullptr;
    }
    session_->set_log(nullptr);
    for (std::string &alert : session_->take_alerts())
        dropped_alerts_.push_back(std::move(alert));
    selected_.reset();
    return std::move(session_);
}

// RFC 3501 6.4.2: CLOSE expunges a mailbox selected read-write, while
// SELECT, EXAMINE and LOGOUT deselect without expunging. UNSELECT
// (RFC 3691) deselects without expunging in one command.
void Client::leave_mailbox()
{
    if (!selected_)
        return;
    if (session_->capabilities().has("UNSELECT")) {
        execute(make_command("UNSELECT"), Stage::select);
    } else {
        if (!selected_->read_only)
            open_mailbox(std::string(selected_->name), true);
        execute(make_command("CLOSE"), Stage::select);
    }
    selected_.reset();
}

bool Client::connected() const
{
    return session_ && session_->state() == Session::State::ready;
}

void Client::require_connected() const
{
    if (!connected())
        throw Error(ErrorKind::connection, Stage::none, "the IMAP client is not connected");
}

const Capabilities &Client::capabilities() const
{
    require_connected();
    return session_->capabilities();
}

bool Client::utf8_enabled() const
{
    return session_ && session_->utf8_enabled();
}

std::vector<std::string> Client::take_alerts()
{
    std::vector<std::string> alerts = std::move(dropped_alerts_);
    dropped_alerts_.clear();
    if (session_) {
        for (std::string &alert : session_->take_alerts())
            alerts.push_back(std::move(alert));
    }
    return alerts;
}

void Client::start_deadline()
{
    overall_deadline_ = total_timeout_ > 0
                            ? net::Clock::now() + std::chrono::duration_cast<net::Clock::duration>(
                                                      std::chrono::duration<double>(total_timeout_))
                            : net::Clock::time_point{};
}

void Client::connect()
{
    abandon();
    start_deadline();
    session_ = std::make_unique<Session>(config_, log_);
    session_->open();
    run();
    if (session_->error()) {
        Error error = *session_->error();
        drop_session();
        throw error;
    }
}

void Client::logout()
{
    if (!session_)
        return;
    if (session_->state() != Session::State::ready || session_->owner_pid() != getpid()) {
        abandon();
        return;
    }
    start_deadline();
    session_->begin_logout();
    try {
        run();
    } catch (...) {
        abandon();
        throw;
    }
    abandon();
}

void Client::run()
{
    while (session_->busy()) {
        net::Clock::time_point now = net::Clock::now();
        net::Clock::time_point deadline = session_->deadline();
        bool overall = overall_deadline_ != net::Clock::time_point{} && overall_deadline_ < deadline;
        if (overall)
            deadline = overall_deadline_;
        if (now >= deadline) {
            if (overall) {
                // The overall limit is a hard stop, even during IDLE.
                abandon();
                throw Error(ErrorKind::connection, Stage::none,
                            "the operation did not finish within the total timeout of " +
                                std::to_string(total_timeout_) + " seconds");
            }
            session_->on_timeout();
            continue;
        }
        pollfd descriptor{};
        descriptor.fd = session_->fd();
        descriptor.events = session_->want() == net::Want::write ? POLLOUT : POLLIN;
        auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
        int rc = ::poll(&descriptor, 1, static_cast<int>(std::min<long long>(wait, 1000 * 60 * 60)));
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc > 0) {
            // A callback of the caller (an IDLE handler or a literal sink)
            // may throw in the middle of a response, which leaves the
            // session out of step with the server.
            try {
                session_->on_ready();
            } catch (...) {
                abandon();
                throw;
            }
        }
    }
}

std::vector<Response> Client::execute(const Command &command, Stage stage)
{
    require_connected();
    start_deadline();
    session_->begin_command(command, stage);
    run();
    std::vector<Response> untagged = session_->take_untagged();
    track_mailbox(untagged);
    if (session_->error()) {
        Error error = *session_->error();
        if (session_->state() != Session::State::ready) {
            drop_session();
            selected_.reset();
        }
        throw error;
    }
    last_tagged_ = session_->tagged();
    return untagged;
}

void Client::track_mailbox(const std::vector<Response> &responses)
{
    if (!selected_)
        return;
    for (const Response &response : responses)
        apply_to_mailbox(response, *selected_);
}

Command Client::make_command(std::string_view verb) const
{
    return Command(verb, session_ ? session_->capabilities().literal_support() : LiteralSupport::none);
}

std::string Client::wire_name(std::string_view mailbox) const
{
    if (!encode_mailbox_names_ || utf8_enabled())
        return std::string(mailbox);
    std::string problem;
    std::optional<std::string> encoded = encode_modified_utf7(mailbox, &problem);
    if (!encoded)
        throw std::invalid_argument("invalid mailbox name '" + std::string(mailbox) + "': " + problem);
    return *encoded;
}

Capabilities Client::capability()
{
    execute(make_command("CAPABILITY"), Stage::capability);
    return session_->capabilities();
}

std::vector<std::pair<std::string, std::string>> Client::id(
    const std::vector<std::pair<std::string, std::string>> &fields)
{
    Command command = make_command("ID");
    if (fields.empty()) {
        command.raw("NIL");
    } else {
        command.open_list();
        for (const auto &field : fields)
            command.string(field.first).string(field.second);
        command.close_list();
    }
    std::vector<std::pair<std::string, std::string>> server_fields;
    for (const Response &response : execute(command, Stage::capability)) {
        if (response.name != "ID" || response.data.empty() || !response.data[0].is_list())
            continue;
        const std::vector<Value> &items = response.data[0].items;
        for (size_t i = 0; i + 1 < items.size(); i += 2)
            server_fields.emplace_back(items[i].text, items[i + 1].text);
    }
    return server_fields;
}

std::vector<MailboxInfo> Client::list(std::string_view reference, std::string_view pattern)
{
    Command command = make_command("LIST");
    command.string(wire_name(reference)).string(wire_name(pattern));
    std::vector<MailboxInfo> mailboxes;
    for (const Response &response : execute(command, Stage::list)) {
        if (response.name != "LIST")
            continue;
        if (std::optional<MailboxInfo> info = read_list(response, utf8_enabled()))
            mailboxes.push_back(std::move(*info));
    }
    return mailboxes;
}

MailboxStatus Client::status(std::string_view mailbox)
{
    Command command = make_command("STATUS");
    command.astring(wire_name(mailbox)).raw("(MESSAGES RECENT UNSEEN UIDNEXT UIDVALIDITY)");
    MailboxStatus result;
    result.name = std::string(mailbox);
    for (const Response &response : execute(command, Stage::status)) {
        if (response.name != "STATUS")
            continue;
        if (std::optional<MailboxStatus> status = read_status(response, utf8_enabled())) {
            // Some servers send several STATUS lines; the items are merged.
            if (status->messages) result.messages = status->messages;
            if (status->recent) result.recent = status->recent;
            if (status->unseen) result.unseen = status->unseen;
            if (status->uid_next) result.uid_next = status->uid_next;
            if (status->uid_validity) result.uid_validity = status->uid_validity;
            if (status->highest_modseq) result.highest_modseq = status->highest_modseq;
        }
    }
    return result;
}

const SelectedMailbox &Client::select(std::string_view mailbox)
{
    return open_mailbox(mailbox, false);
}

const SelectedMailbox &Client::examine(std::string_view mailbox)
{
    return open_mailbox(mailbox, true);
}

const SelectedMailbox &Client::open_mailbox(std::string_view mailbox, bool read_only)
{
    Command command = make_command(read_only ? "EXAMINE" : "SELECT");
    command.astring(wire_name(mailbox));
    // RFC 3501 6.3.1: a SELECT deselects the current mailbox even when it fails.
    selected_.reset();
    std::vector<Response> responses = execute(command, Stage::select);
    SelectedMailbox state;
    state.name = std::string(mailbox);
    for (const Response &response : responses)
        apply_to_mailbox(response, state);
    state.read_only = read_only;
    if (last_tagged_.code && last_tagged_.code->name == "READ-ONLY")
        state.read_only = true;
    else if (last_tagged_.code && last_tagged_.code->name == "READ-WRITE")
        state.read_only = false;
    selected_ = std::move(state);
    return *selected_;
}

std::vector<uint32_t> Client::run_search(const SearchQuery &query, bool by_uid)
{
    Command command = make_command(by_uid ? "UID SEARCH" : "SEARCH");
    query.append_to(command);
    std::vector<uint32_t> numbers;
    for (const Response &response : execute(command, Stage::search)) {
        if (response.name == "SEARCH")
            read_search(response, numbers);
    }
    return numbers;
}

std::vector<uint32_t> Client::uid_search(const SearchQuery &query)
{
    return run_search(query, true);
}

std::vector<uint32_t> Client::search(const SearchQuery &query)
{
    return run_search(query, false);
}

std::vector<FetchedMessage> Client::run_fetch(const std::vector<uint32_t> &numbers, const FetchRequest &request,
                                              const FetchSink &sink, bool by_uid)
{
    std::string items = format_fetch_items(request, by_uid);
    std::vector<std::vector<uint32_t>> batches = split_batches(numbers, std::max<size_t>(request.batch_size, 1));
    require_connected();
    if (sink.sink)
        session_->set_literal_sink(sink.threshold, sink.sink);
    std::vector<FetchedMessage> messages;
    try {
        for (const std::vector<uint32_t> &batch : batches) {
            Command command = make_command(by_uid ? "UID FETCH" : "FETCH");
            command.raw(format_sequence_set(batch)).raw(items);
            std::map<uint32_t, FetchedMessage> by_sequence;
            for (const Response &response : execute(command, Stage::fetch))
                merge_fetch(response, by_sequence);
            // Keep only the requested messages: a server may add unsolicited
            // FETCH responses for flag changes made by other sessions.
            std::set<uint32_t> requested_numbers(batch.begin(), batch.end());
            for (auto &entry : by_sequence) {
                FetchedMessage &message = entry.second;
                bool requested = by_uid ? (message.uid && requested_numbers.count(*message.uid) > 0)
                                        : requested_numbers.count(message.sequence) > 0;
                if (requested)
                    messages.push_back(std::move(message));
            }
        }
    } catch (...) {
        if (session_)
            session_->clear_literal_sink();
        throw;
    }
    if (session_)
        session_->clear_literal_sink();
    return messages;
}

std::vector<FetchedMessage> Client::uid_fetch(const std::vector<uint32_t> &uids, const FetchRequest &request,
                                              const FetchSink &sink)
{
    return run_fetch(uids, request, sink, true);
}

std::vector<FetchedMessage> Client::fetch(const std::vector<uint32_t> &sequence_numbers,
                                          const FetchRequest &request, const FetchSink &sink)
{
    return run_fetch(sequence_numbers, request, sink, false);
}

std::vector<FetchedMessage> Client::run_store(const std::vector<uint32_t> &numbers, StoreMode mode,
                                              const std::vector<std::string> &flags, bool silent, bool by_uid)
{
    std::string item = "FLAGS";
    if (mode == StoreMode::add)
        item = "+FLAGS";
    else if (mode == StoreMode::remove)
        item = "-FLAGS";
    if (silent)
        item += ".SILENT";
    Command command = make_command(by_uid ? "UID STORE" : "STORE");
    command.raw(format_sequence_set(numbers)).raw(item).raw(format_flag_list(flags));
    std::map<uint32_t, FetchedMessage> by_sequence;
    for (const Response &response : execute(command, Stage::store))
        merge_fetch(response, by_sequence);
    std::vector<FetchedMessage> messages;
    for (auto &entry : by_sequence)
        messages.push_back(std::move(entry.second));
    return messages;
}

std::vector<FetchedMessage> Client::uid_store(const std::vector<uint32_t> &uids, StoreMode mode,
                                              const std::vector<std::string> &flags, bool silent)
{
    return run_store(uids, mode, flags, silent, true);
}

std::vector<FetchedMessage> Client::store(const std::vector<uint32_t> &sequence_numbers, StoreMode mode,
                                          const std::vector<std::string> &flags, bool silent)
{
    return run_store(sequence_numbers, mode, flags, silent, false);
}

std::optional<CopyResult> Client::run_copy(const std::vector<uint32_t> &numbers, std::string_view mailbox,
                                           bool by_uid, const char *verb)
{
    Command command = make_command(std::string(by_uid ? "UID " : "") + verb);
    command.raw(format_sequence_set(numbers)).astring(wire_name(mailbox));
    std::vector<Response> responses = execute(command, Stage::copy);
    std::optional<CopyResult> result = read_copy_uid(last_tagged_);
    // RFC 6851 section 4.3: MOVE sends COPYUID in an untagged OK before the expunges.
    for (const Response &response : responses) {
        if (!result && response.is_status())
            result = read_copy_uid(response);
    }
    return result;
}

std::optional<CopyResult> Client::uid_copy(const std::vector<uint32_t> &uids, std::string_view mailbox)
{
    return run_copy(uids, mailbox, true, "COPY");
}

std::optional<CopyResult> Client::copy(const std::vector<uint32_t> &sequence_numbers, std::string_view mailbox)
{
    return run_copy(sequence_numbers, mailbox, false, "COPY");
}

std::optional<CopyResult> Client::uid_move(const std::vector<uint32_t> &uids, std::string_view mailbox)
{
    require_connected();
    if (session_->capabilities().has("MOVE"))
        return run_copy(uids, mailbox, true, "MOVE");
    if (!session_->capabilities().has("UIDPLUS")) {
        Error error(ErrorKind::unsupported, Stage::copy,
                    "the server offers neither MOVE nor UIDPLUS, so messages cannot be moved without expunging "
                    "other messages marked \\Deleted");
        error.command = "UID MOVE";
        error.hint = "copy the messages and delete them separately";
        throw error;
    }
    std::optional<CopyResult> result = run_copy(uids, mailbox, true, "COPY");
    Command store = make_command("UID STORE");
    store.raw(format_sequence_set(uids)).raw("+FLAGS.SILENT (\\Deleted)");
    execute(store, Stage::copy);
    Command expunge = make_command("UID EXPUNGE");
    expunge.raw(format_sequence_set(uids));
    execute(expunge, Stage::copy);
    return result;
}

std::vector<uint32_t> Client::expunge()
{
    std::vector<uint32_t> expunged;
    for (const Response &response : execute(make_command("EXPUNGE"), Stage::expunge)) {
        if (response.name == "EXPUNGE" && response.has_number)
            expunged.push_back(static_cast<uint32_t>(response.number));
    }
    return expunged;
}

std::vector<uint32_t> Client::uid_expunge(const std::vector<uint32_t> &uids)
{
    require_connected();
    if (!session_->capabilities().has("UIDPLUS")) {
        Error error(ErrorKind::unsupported, Stage::expunge, "the server does not offer UID EXPUNGE (UIDPLUS)");
        error.command = "UID EXPUNGE";
        error.hint = "use EXPUNGE, which removes every message marked \\Deleted";
        throw error;
    }
    Command command = make_command("UID EXPUNGE");
    command.raw(format_sequence_set(uids));
    std::vector<uint32_t> expunged;
    for (const Response &response : execute(command, Stage::expunge)) {
        if (response.name == "EXPUNGE" && response.has_number)
            expunged.push_back(static_cast<uint32_t>(response.number));
    }
    return expunged;
}

AppendResult Client::append(std::string_view mailbox, std::string_view message, const std::vector<std::string> &flags,
                            std::optional<int64_t> internal_date)
{
    Command command = make_command("APPEND");
    command.astring(wire_name(mailbox));
    if (!flags.empty())
        command.raw(format_flag_list(flags));
    if (internal_date)
        command.string(format_internal_date(*internal_date));
    command.literal(message);
    execute(command, Stage::append);
    AppendResult result;
    // APPENDUID (RFC 4315): uidvalidity and the new message's UID.
    if (last_tagged_.code && last_tagged_.code->name == "APPENDUID" && last_tagged_.code->arguments.size() >= 2 &&
        last_tagged_.code->arguments[0].is_number() && last_tagged_.code->arguments[1].is_number()) {
        result.uid_validity = static_cast<uint32_t>(last_tagged_.code->arguments[0].number);
        result.uid = static_cast<uint32_t>(last_tagged_.code->arguments[1].number);
    }
    return result;
}

void Client::simple_mailbox_command(const char *verb, std::string_view mailbox)
{
    Command command = make_command(verb);
    command.astring(wire_name(mailbox));
    execute(command, Stage::mailbox);
}

void Client::create(std::string_view mailbox)
{
    simple_mailbox_command("CREATE", mailbox);
}

void Client::rename(std::string_view from, std::string_view to)
{
    Command command = make_command("RENAME");
    command.astring(wire_name(from)).astring(wire_name(to));
    execute(command, Stage::mailbox);
}

void Client::delete_mailbox(std::string_view mailbox)
{
    simple_mailbox_command("DELETE", mailbox);
}

void Client::subscribe(std::string_view mailbox)
{
    simple_mailbox_command("SUBSCRIBE", mailbox);
}

void Client::unsubscribe(std::string_view mailbox)
{
    simple_mailbox_command("UNSUBSCRIBE", mailbox);
}

void Client::noop()
{
    execute(make_command("NOOP"), Stage::noop);
}

void Client::check()
{
    execute(make_command("CHECK"), Stage::noop);
}

void Client::close_mailbox()
{
    execute(make_command("CLOSE"), Stage::select);
    selected_.reset();
}

void Client::idle(double seconds, IdleHandler handler)
{
    require_connected();
    if (!session_->capabilities().has("IDLE")) {
        Error error(ErrorKind::unsupported, Stage::idle, "the server does not offer IDLE");
        error.command = "IDLE";
        error.hint = "poll with NOOP instead";
        throw error;
    }
    start_deadline();
    session_->begin_idle(seconds, [this, &handler](const Response &response) {
        if (selected_)
            apply_to_mailbox(response, *selected_);
        return handler ? handler(response) : true;
    });
    run();
    track_mailbox(session_->take_untagged());
    if (session_->error()) {
        Error error = *session_->error();
        if (session_->state() != Session::State::ready) {
            drop_session();
            selected_.reset();
        }
        throw error;
    }
}

}  // namespace mailbridge::imap
