// ext/imap-style connection over imap::Client. See handler.h.
#include "imapcompat/handler.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>

#include "imapcompat/search_criteria.h"
#include "mimeparse/charset.h"
#include "mimeparse/ext_imap.h"

namespace mailbridge::imapcompat {

namespace {

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool is_digits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Split a flag list as imap_setflag_full() takes it: "\Seen \Flagged", with
// or without parentheses.
std::vector<std::string> split_flags(std::string_view text)
{
    std::vector<std::string> flags;
    std::string current;
    for (char c : text) {
        if (c == ' ' || c == '(' || c == ')') {
            if (!current.empty())
                flags.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty())
        flags.push_back(current);
    return flags;
}

imap::Security core_security(Security security)
{
    switch (security) {
    case Security::implicit_tls:
        return imap::Security::tls;
    case Security::plain:
        return imap::Security::none;
    case Security::starttls_required:
    case Security::starttls_if_offered:
        break;
    }
    return imap::Security::starttls;
}

// The text of an error as ext/imap logs it: the server's text after a NO or
// BAD, otherwise the message.
std::string error_text(const Error &error)
{
    if (!error.response_status.empty() && !error.server_text.empty()) {
        if (!error.response_code.empty()) {
            std::string text = "[" + error.response_code;
            if (!error.response_code_arguments.empty())
                text += " " + error.response_code_arguments;
            return text + "] " + error.server_text;
        }
        return error.server_text;
    }
    return error.what();
}

std::mutex type_registry_mutex;
std::vector<std::string> dynamic_types;      // codes 9..15
std::vector<std::string> dynamic_encodings;  // codes 6..10

}  // namespace

// ---- ErrorLog ------------------------------------------------------------

void ErrorLog::add_error(std::string message)
{
    last_error_ = message;
    errors_.push_back(std::move(message));
}

void ErrorLog::add_alert(std::string message)
{
    alerts_.push_back(std::move(message));
}

std::vector<std::string> ErrorLog::take_errors()
{
    last_error_.reset();
    return std::exchange(errors_, {});
}

std::vector<std::string> ErrorLog::take_alerts()
{
    return std::exchange(alerts_, {});
}

bool MessageData::has_flag(std::string_view flag) const
{
    return std::any_of(flags.begin(), flags.end(), [&](const std::string &item) { return upper(item) == upper(flag); });
}

// ---- type and date helpers --------------------------------------------------

int body_type_code(std::string_view type, std::string &upper_name)
{
    static const char *const names[] = {"TEXT", "MULTIPART", "MESSAGE", "APPLICATION", "AUDIO",
                                        "IMAGE", "VIDEO", "MODEL", "X-UNKNOWN"};
    upper_name = upper(type);
    for (int i = 0; i < 9; i++) {
        if (upper_name == names[i])
            return i;
    }
    std::lock_guard<std::mutex> lock(type_registry_mutex);
    for (size_t i = 0; i < dynamic_types.size(); i++) {
        if (dynamic_types[i] == upper_name)
            return static_cast<int>(9 + i);
    }
    if (dynamic_types.size() < 7) {
        dynamic_types.push_back(upper_name);
        return static_cast<int>(8 + dynamic_types.size());
    }
    return 8;
}

int body_encoding_code(std::string_view encoding)
{
    static const char *const names[] = {"7BIT", "8BIT", "BINARY", "BASE64", "QUOTED-PRINTABLE"};
    if (encoding.empty())
        return 5;
    std::string name = upper(encoding);
    for (int i = 0; i < 5; i++) {
        if (name == names[i])
            return i;
    }
    std::lock_guard<std::mutex> lock(type_registry_mutex);
    for (size_t i = 0; i < dynamic_encodings.size(); i++) {
        if (dynamic_encodings[i] == name)
            return static_cast<int>(6 + i);
    }
    if (dynamic_encodings.size() < 5) {
        dynamic_encodings.push_back(name);
        return static_cast<int>(5 + dynamic_encodings.size());
    }
    return 5;
}

namespace {

struct DateParts {
    int day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0;
    int zone_minutes = 0;  // east of UTC
    char zone_sign = '+';
    int zone_hours = 0, zone_rest = 0;
};

std::optional<DateParts> split_internal_date(std::string_view date)
{
    static const char *const months[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                         "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    std::string text(date);
    while (!text.empty() && text.front() == ' ')
        text.erase(0, 1);
    char month_name[4] = {};
    DateParts parts;
    char sign = 0;
    int zone = 0;
    if (std::sscanf(text.c_str(), "%d-%3c-%d %d:%d:%d %c%4d", &parts.day, month_name, &parts.year, &parts.hour,
                    &parts.minute, &parts.second, &sign, &zone) != 8)
        return std::nullopt;
    std::string month = upper(month_name);
    for (int i = 0; i < 12; i++) {
        if (month == months[i])
            parts.month = i + 1;
    }
    if (parts.month == 0 || (sign != '+' && sign != '-'))
        return std::nullopt;
    parts.zone_sign = sign;
    parts.zone_hours = zone / 100;
    parts.zone_rest = zone % 100;
    parts.zone_minutes = (sign == '-' ? -1 : 1) * (parts.zone_hours * 60 + parts.zone_rest);
    return parts;
}

}  // namespace

int64_t parse_internal_date(std::string_view date)
{
    std::optional<DateParts> parts = split_internal_date(date);
    if (!parts)
        return 0;
    std::tm tm{};
    tm.tm_year = parts->year - 1900;
    tm.tm_mon = parts->month - 1;
    tm.tm_mday = parts->day;
    tm.tm_hour = parts->hour;
    tm.tm_min = parts->minute;
    tm.tm_sec = parts->second;
    return static_cast<int64_t>(timegm(&tm)) - static_cast<int64_t>(parts->zone_minutes) * 60;
}

std::string format_mail_date(std::string_view date)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::optional<DateParts> parts = split_internal_date(date);
    if (!parts)
        return std::string(date);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%2d-%s-%d %02d:%02d:%02d %c%02d%02d", parts->day, months[parts->month - 1],
                  parts->year, parts->hour, parts->minute, parts->second, parts->zone_sign, parts->zone_hours,
                  parts->zone_rest);
    return buffer;
}

// ---- header text ------------------------------------------------------------

namespace {

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The length of the encoded word "=?charset?e?text?=" at the start of text, or 0.
size_t encoded_word_length(std::string_view text)
{
    if (text.substr(0, 2) != "=?")
        return 0;
    size_t charset_end = text.find('?', 2);
    if (charset_end == std::string_view::npos || charset_end == 2 || charset_end + 2 >= text.size() ||
        text[charset_end + 2] != '?')
        return 0;
    size_t end = text.find("?=", charset_end + 3);
    if (end == std::string_view::npos)
        return 0;
    std::string_view word = text.substr(0, end + 2);
    if (word.find_first_of(" \t\r\n") != std::string_view::npos)
        return 0;
    return end + 2;
}

}  // namespace

std::string decode_header_text(std::string_view text)
{
    std::string out;
    std::string pending_space;
    bool after_word = false;
    size_t i = 0;
    while (i < text.size()) {
        bool boundary = i == 0 || is_space(text[i - 1]) || (after_word && pending_space.empty());
        size_t length = boundary ? encoded_word_length(text.substr(i)) : 0;
        if (length > 0) {
            auto segments = mimeparse::ext_imap::mime_header_decode(text.substr(i, length));
            if (segments && segments->size() == 1 && segments->front().charset != "default") {
                if (!after_word)
                    out += pending_space;
                pending_space.clear();
                const auto &segment = segments->front();
                mimeparse::CharsetConversion converted = mimeparse::convert_to_utf8(segment.charset, segment.text);
                out += converted.charset_known ? converted.text : segment.text;
                after_word = true;
                i += length;
                continue;
            }
        }
        if (is_space(text[i])) {
            pending_space += text[i];
        } else {
            out += pending_space;
            pending_space.clear();
            out += text[i];
            after_word = false;
        }
        i++;
    }
    return out + pending_space;
}

std::string base_subject(std::string_view subject)
{
    std::string text = decode_header_text(subject);
    for (char &c : text) {
        if (c == '\t' || c == '\r' || c == '\n')
            c = ' ';
    }
    auto trim = [&] {
        size_t start = text.find_first_not_of(' ');
        size_t end = text.find_last_not_of(' ');
        text = start == std::string::npos ? "" : text.substr(start, end - start + 1);
    };
    bool changed = true;
    while (changed) {
        changed = false;
        trim();
        std::string head = upper(text.substr(0, 5));
        if (upper(text.substr(std::max<size_t>(text.size(), 5) - 5)) == "(FWD)") {
            text.resize(text.size() - 5);
            changed = true;
            continue;
        }
        for (const char *prefix : {"RE:", "FW:", "FWD:"}) {
            size_t length = std::char_traits<char>::length(prefix);
            if (head.compare(0, length, prefix) == 0) {
                text.erase(0, length);
                changed = true;
                break;
            }
        }
        if (!changed && !text.empty() && text.front() == '[') {
            size_t close = text.find(']');
            if (close != std::string::npos && close + 1 < text.size()) {
                text.erase(0, close + 1);
                changed = true;
            }
        }
    }
    return upper(text);
}

// ---- Handler: connection -------------------------------------------------

Handler::Handler(HandlerSettings settings) : settings_(std::move(settings)) {}

Handler::~Handler()
{
    if (client_)
        client_->abandon();
}

template <typename Fn>
bool Handler::guarded(Fn &&fn)
{
    if (!client_ || !client_->connected()) {
        log_.add_error("No IMAP connection is open");
        return false;
    }
    try {
        fn();
        collect_alerts();
        return true;
    } catch (const Error &error) {
        collect_alerts();
        record_error(error);
        return false;
    } catch (const std::invalid_argument &error) {
        log_.add_error(error.what());
        return false;
    }
}

void Handler::record_error(const Error &error)
{
    log_.add_error(error_text(error));
}

void Handler::collect_alerts()
{
    if (!client_)
        return;
    for (std::string &alert : client_->take_alerts())
        log_.add_alert(std::move(alert));
}

bool Handler::is_open() const
{
    return client_ && client_->connected();
}

bool Handler::open(std::string_view mailbox, std::string_view user, const Secret &password, long flags,
                   const std::vector<std::string> &disabled_authenticators)
{
    std::string reason;
    std::optional<MailboxSpec> spec = parse_mailbox_spec(mailbox, reason);
    if (!spec) {
        log_.add_error(invalid_specification_message(mailbox));
        return false;
    }
    std::optional<ConnectionPlan> plan = plan_connection(*spec, user, flags & ~(cl_expunge | op_xoauth2), reason);
    if (!plan) {
        log_.add_error(reason);
        return false;
    }
    if (plan->service != "imap") {
        log_.add_error("Unsupported service " + plan->service + " in " + std::string(mailbox) +
                       ": only IMAP mailbox strings are supported");
        return false;
    }

    imap::SessionConfig config;
    config.host = plan->connect_host;
    config.port = plan->port;
    config.security = core_security(plan->security);
    config.username = plan->user;
    if (flags & op_xoauth2) {
        config.oauth_token = password;
        config.mechanism = "XOAUTH2";
    } else {
        config.password = password;
    }
    // A mechanism the caller disabled is not chosen: with PLAIN disabled,
    // LOGIN is used. GSSAPI and NTLM, which SuiteCRM disables, are never
    // used by the core anyway.
    for (const std::string &disabled : disabled_authenticators) {
        if (upper(disabled) == "PLAIN" && config.mechanism.empty())
            config.mechanism = "LOGIN";
    }
    config.enable_utf8 = false;  // names and search strings go out as given, as ext/imap sends them
    config.timeout = std::max(settings_.read_timeout, settings_.write_timeout);
    config.connect_timeout = settings_.open_timeout;
    config.tls = settings_.tls;
    config.tls.verify_peer = plan->verify_certificate;
    config.tls.verify_peer_name = plan->verify_certificate;

    if (client_)
        client_->logout();
    client_ = std::make_unique<imap::Client>(config, nullptr);
    client_->set_encode_mailbox_names(false);
    plan_.reset();
    uids_valid_ = false;
    clear_structure_cache();
    try {
        client_->connect();
        collect_alerts();
        plan_ = plan;
        open_flags_ = flags;
        if (!plan->half_open) {
            if (plan->read_only)
                client_->examine(plan->mailbox);
            else
                client_->select(plan->mailbox);
        }
        return true;
    } catch (const Error &error) {
        collect_alerts();
        if (error.stage == Stage::auth)
            log_.add_error("Can not authenticate to IMAP server: " + error_text(error));
        else
            record_error(error);
        client_->abandon();
        client_.reset();
        plan_.reset();
        return false;
    }
}

void Handler::close(long flags)
{
    if (!client_)
        return;
    if (client_->connected() && ((flags | open_flags_) & cl_expunge) && client_->selected() &&
        !client_->selected()->read_only) {
        try {
            client_->close_mailbox();
        } catch (const Error &error) {
            record_error(error);
        }
    }
    client_->logout();
    client_.reset();
    plan_.reset();
    uids_valid_ = false;
    clear_structure_cache();
}

bool Handler::ping()
{
    return guarded([&] { client_->noop(); });
}

bool Handler::reopen(std::string_view mailbox, long flags)
{
    std::optional<std::string> name = mailbox_from(mailbox);
    if (!name || !client_)
        return false;
    if (((flags | open_flags_) & cl_expunge) && client_->selected() && !client_->selected()->read_only) {
        guarded([&] { client_->close_mailbox(); });
    }
    bool read_only = (flags & op_readonly) != 0;
    // CLOSE expunges without EXPUNGE responses, and SELECT numbers the
    // messages anew, so nothing known about message numbers stays valid.
    uids_valid_ = false;
    clear_structure_cache();
    bool ok = guarded([&] {
        if (read_only)
            client_->examine(*name);
        else
            client_->select(*name);
    });
    if (ok && plan_) {
        plan_->mailbox = *name;
        plan_->read_only = read_only;
        open_flags_ = (open_flags_ & ~op_readonly) | (flags & op_readonly);
    }
    return ok;
}

std::string Handler::mailbox_name() const
{
    if (!plan_)
        return "";
    ConnectionPlan plan = *plan_;
    if (client_ && client_->selected())
        plan.mailbox = client_->selected()->name;
    return canonical_name(plan);
}

std::string Handler::server_prefix() const
{
    return plan_ ? canonical_prefix(*plan_) : "";
}

uint32_t Handler::message_count()
{
    return client_ && client_->selected() ? client_->selected()->exists : 0;
}

uint32_t Handler::recent_count()
{
    return client_ && client_->selected() ? client_->selected()->recent : 0;
}

std::optional<std::string> Handler::mailbox_from(std::string_view mailbox)
{
    if (mailbox.empty() || mailbox.front() != '{')
        return std::string(mailbox);
    std::string reason;
    std::optional<MailboxSpec> spec = parse_mailbox_spec(mailbox, reason);
    if (!spec) {
        log_.add_error(invalid_specification_message(mailbox));
        return std::nullopt;
    }
    return spec->mailbox;
}

// ---- message numbers and UIDs ------------------------------------------

uint64_t Handler::expunge_count() const
{
    return client_ && client_->selected() ? client_->selected()->expunge_count : 0;
}

void Handler::refresh_uids()
{
    // The map is rebuilt when an EXPUNGE arrived or the message count
    // changed. Messages that another session expunges keep their numbers
    // here until the server reports the EXPUNGE, as on the server's side of
    // this session.
    uint32_t count = message_count();
    if (uids_valid_ && uids_.size() == count && uids_expunge_count_ == expunge_count())
        return;
    uids_.assign(count, 0);
    uids_valid_ = true;
    uids_expunge_count_ = expunge_count();
    if (count == 0)
        return;
    std::vector<uint32_t> numbers(count);
    for (uint32_t i = 0; i < count; i++)
        numbers[i] = i + 1;
    imap::FetchRequest request;
    request.uid = true;
    std::vector<imap::FetchedMessage> fetched;
    if (!guarded([&] { fetched = client_->fetch(numbers, request); })) {
        uids_valid_ = false;
        return;
    }
    for (const imap::FetchedMessage &message : fetched) {
        if (message.sequence >= 1 && message.sequence <= count && message.uid)
            uids_[message.sequence - 1] = *message.uid;
    }
}

std::optional<uint32_t> Handler::uid_of(uint32_t msgno, Warning &warning)
{
    refresh_uids();
    if (msgno < 1 || msgno > uids_.size()) {
        warning.message = "Bad message number";
        return std::nullopt;
    }
    return uids_[msgno - 1];
}

uint32_t Handler::msgno_of(uint32_t uid)
{
    refresh_uids();
    auto found = std::find(uids_.begin(), uids_.end(), uid);
    return found == uids_.end() ? 0 : static_cast<uint32_t>(found - uids_.begin() + 1);
}

uint32_t Handler::resolve(uint32_t number, bool uid, Warning &warning)
{
    if (uid) {
        uint32_t msgno = msgno_of(number);
        if (msgno == 0)
            warning.message = "UID does not exist";
        return msgno;
    }
    if (number < 1 || number > message_count()) {
        warning.message = "Bad message number";
        return 0;
    }
    return number;
}

// ---- search and sort ----------------------------------------------------

namespace {

imap::SearchQuery to_query(const SearchCriteria &criteria)
{
    imap::SearchQuery query;
    for (const SearchKey &key : criteria.keys) {
        switch (key.kind) {
        case SearchKeyKind::flag:
            if (key.name == "ALL")
                query.all();
            else
                query.flag(key.name);
            break;
        case SearchKeyKind::string:
            if (key.name == "KEYWORD" || key.name == "UNKEYWORD")
                query.keyword(key.value, key.name == "KEYWORD");
            else
                query.text(key.name, key.value);
            break;
        case SearchKeyKind::date:
            query.date(key.name, key.date.year, key.date.month, key.date.day);
            break;
        }
    }
    return query;
}

}  // namespace

std::optional<std::vector<uint32_t>> Handler::search(std::string_view criteria, long flags, std::string_view charset)
{
    std::string error;
    std::optional<SearchCriteria> parsed = parse_search_criteria(criteria, error);
    if (!parsed) {
        log_.add_error(error);
        return std::nullopt;
    }
    bool by_uid = (flags & se_uid) != 0;
    std::vector<uint32_t> result;
    if (matches_all_messages(*parsed)) {
        // c-client returns every message for ALL without sending a SEARCH command.
        refresh_uids();
        for (uint32_t i = 0; i < uids_.size(); i++)
            result.push_back(by_uid ? uids_[i] : i + 1);
    } else {
        // NOTE: the core sends CHARSET UTF-8 only for non-ASCII values, so a
        // $charset other than UTF-8 is not passed on to the server.
        (void)charset;
        imap::SearchQuery query = to_query(*parsed);
        bool ok = guarded([&] { result = by_uid ? client_->uid_search(query) : client_->search(query); });
        if (!ok)
            return std::nullopt;
        std::sort(result.begin(), result.end());
    }
    if (result.empty())
        return std::nullopt;
    return result;
}

std::optional<std::vector<uint32_t>> Handler::sort(long criterion, bool reverse, long flags,
                                                   std::string_view criteria, std::string_view charset)
{
    std::optional<std::vector<uint32_t>> selected = search(criteria.empty() ? "ALL" : criteria, 0, charset);
    if (!selected)
        return std::vector<uint32_t>{};
    std::vector<MessageData> messages = fetch_messages(*selected, false);

    // RFC 5256: the mailbox of the first address, a group name included.
    auto first_address = [](const std::vector<imap::Address> &list) {
        return list.empty() ? std::string() : upper(list.front().mailbox);
    };
    auto sort_key = [&](const MessageData &message) -> std::pair<int64_t, std::string> {
        switch (criterion) {
        case 0:  // SORTDATE
            return {parse_internal_date(message.internal_date), ""};
        case 1:  // SORTARRIVAL
            return {parse_internal_date(message.internal_date), ""};
        case 2:  // SORTFROM
            return {0, first_address(message.envelope.from)};
        case 3:  // SORTSUBJECT
            return {0, base_subject(message.envelope.subject)};
        case 4:  // SORTTO
            return {0, first_address(message.envelope.to)};
        case 5:  // SORTCC
            return {0, first_address(message.envelope.cc)};
        default:  // SORTSIZE
            return {static_cast<int64_t>(message.size), ""};
        }
    };
    std::stable_sort(messages.begin(), messages.end(), [&](const MessageData &a, const MessageData &b) {
        auto ka = sort_key(a), kb = sort_key(b);
        if (ka != kb)
            return ka < kb;
        return a.msgno < b.msgno;
    });
    if (reverse)
        std::reverse(messages.begin(), messages.end());
    std::vector<uint32_t> result;
    for (const MessageData &message : messages)
        result.push_back((flags & se_uid) ? message.uid : message.msgno);
    return result;
}

// ---- sequences and fetches -----------------------------------------------

std::optional<std::vector<uint32_t>> Handler::parse_sequence(std::string_view sequence, bool uid)
{
    refresh_uids();
    uint32_t count = static_cast<uint32_t>(uids_.size());
    // The largest number that "*" stands for: the highest UID, or the
    // message count for message numbers.
    uint32_t max_value = count;
    if (uid)
        max_value = count > 0 ? uids_.back() : 0;
    std::vector<bool> chosen(count, false);

    auto read_number = [&](std::string_view &text, uint32_t &value) -> int {
        if (!text.empty() && text.front() == '*') {
            text.remove_prefix(1);
            value = max_value;
            return 1;
        }
        size_t length = 0;
        while (length < text.size() && std::isdigit(static_cast<unsigned char>(text[length])))
            length++;
        if (length == 0)
            return 0;
        unsigned long long number = std::stoull(std::string(text.substr(0, length)));
        text.remove_prefix(length);
        value = number > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(number);
        return 1;
    };

    std::string_view text = sequence;
    if (text.empty())
        return std::vector<uint32_t>{};  // ext/imap logs nothing for an empty sequence
    while (!text.empty()) {
        uint32_t low = 0, high = 0;
        if (!read_number(text, low)) {
            log_.add_error("Syntax error in sequence");
            return std::nullopt;
        }
        high = low;
        if (!text.empty() && text.front() == ':') {
            text.remove_prefix(1);
            if (!read_number(text, high)) {
                log_.add_error("Syntax error in sequence");
                return std::nullopt;
            }
        }
        if (!text.empty()) {
            if (text.front() != ',') {
                log_.add_error("Syntax error in sequence");
                return std::nullopt;
            }
            text.remove_prefix(1);
        }
        if (low > high)
            std::swap(low, high);
        if (uid) {
            for (uint32_t i = 0; i < count; i++) {
                if (uids_[i] >= low && uids_[i] <= high)
                    chosen[i] = true;
            }
        } else {
            if (low < 1 || high > count) {
                log_.add_error("Sequence out of range");
                return std::nullopt;
            }
            for (uint32_t i = low; i <= high; i++)
                chosen[i - 1] = true;
        }
    }
    std::vector<uint32_t> msgnos;
    for (uint32_t i = 0; i < count; i++) {
        if (chosen[i])
            msgnos.push_back(i + 1);
    }
    return msgnos;
}

namespace {

// Read one field's unfolded value from a HEADER.FIELDS block.
std::optional<std::string> header_field(const std::string &block, std::string_view name)
{
    std::string unfolded;
    for (size_t i = 0; i < block.size(); i++) {
        if (block[i] == '\r' && i + 2 < block.size() && block[i + 1] == '\n' &&
            (block[i + 2] == ' ' || block[i + 2] == '\t')) {
            i += 2;
            unfolded += ' ';
            continue;
        }
        unfolded += block[i];
    }
    std::string wanted = upper(name) + ":";
    size_t start = 0;
    while (start < unfolded.size()) {
        size_t end = unfolded.find("\r\n", start);
        if (end == std::string::npos)
            end = unfolded.size();
        std::string line = unfolded.substr(start, end - start);
        if (upper(line.substr(0, wanted.size())) == wanted) {
            std::string value = line.substr(wanted.size());
            value.erase(0, value.find_first_not_of(" \t"));
            return value;
        }
        start = end + 2;
    }
    return std::nullopt;
}

}  // namespace

std::vector<MessageData> Handler::fetch_messages(const std::vector<uint32_t> &msgnos, bool structure)
{
    std::vector<MessageData> result;
    if (msgnos.empty())
        return result;
    static const std::string fields_section = "HEADER.FIELDS (References Newsgroups Followup-To Subject)";
    imap::FetchRequest request;
    request.uid = true;
    request.flags = true;
    request.internal_date = true;
    request.size = true;
    request.envelope = true;
    request.body_structure = structure;
    request.sections = {fields_section};
    std::vector<imap::FetchedMessage> fetched;
    if (!guarded([&] { fetched = client_->fetch(msgnos, request); }))
        return result;
    for (imap::FetchedMessage &message : fetched) {
        MessageData data;
        data.msgno = message.sequence;
        data.uid = message.uid.value_or(0);
        data.flags = message.flags.value_or(std::vector<std::string>{});
        data.internal_date = message.internal_date.value_or("");
        data.size = message.size.value_or(0);
        if (message.envelope) {
            data.envelope = std::move(*message.envelope);
            data.has_envelope = true;
        }
        data.structure = std::move(message.body_structure);
        for (const imap::BodySection &section : message.sections) {
            if (upper(section.section).rfind("HEADER.FIELDS", 0) != 0)
                continue;
            data.references = header_field(section.data, "References");
            data.newsgroups = header_field(section.data, "Newsgroups");
            data.followup_to = header_field(section.data, "Followup-To");
            data.has_subject_field = header_field(section.data, "Subject").has_value();
        }
        result.push_back(std::move(data));
    }
    std::sort(result.begin(), result.end(),
              [](const MessageData &a, const MessageData &b) { return a.msgno < b.msgno; });
    return result;
}

std::optional<std::string> Handler::fetch_section(uint32_t msgno, std::string_view section)
{
    imap::FetchRequest request;
    request.sections = {std::string(section)};
    std::vector<imap::FetchedMessage> fetched;
    if (!guarded([&] { fetched = client_->fetch({msgno}, request); }))
        return std::nullopt;
    for (const imap::FetchedMessage &message : fetched) {
        if (message.sequence != msgno)
            continue;
        if (const imap::BodySection *found = message.find_section(section))
            return found->data;
    }
    return std::string();
}

std::optional<imap::BodyStructure> Handler::fetch_one_structure(uint32_t msgno)
{
    imap::FetchRequest request;
    request.body_structure = true;
    std::vector<imap::FetchedMessage> fetched;
    if (!guarded([&] { fetched = client_->fetch({msgno}, request); }))
        return std::nullopt;
    for (imap::FetchedMessage &message : fetched) {
        if (message.sequence == msgno && message.body_structure)
            return std::move(message.body_structure);
    }
    return std::nullopt;
}

void Handler::clear_structure_cache()
{
    structures_ = StructureCache();
}

void Handler::check_structure_cache()
{
    const imap::SelectedMailbox *mailbox = client_ && client_->connected() ? client_->selected() : nullptr;
    if (mailbox == nullptr) {
        clear_structure_cache();
        return;
    }
    if (mailbox->name != structures_.mailbox || mailbox->uid_validity != structures_.uid_validity) {
        clear_structure_cache();
        structures_.mailbox = mailbox->name;
        structures_.uid_validity = mailbox->uid_validity;
        structures_.expunge_count = mailbox->expunge_count;
    }
    if (mailbox->expunge_count != structures_.expunge_count) {
        structures_.uid_by_msgno.clear();
        structures_.expunge_count = mailbox->expunge_count;
    }
}

void Handler::prefetch_structures(uint32_t msgno)
{
    uint32_t count = message_count();
    uint32_t last = msgno;
    if (count > msgno)
        last = msgno + std::min(count - msgno, structure_window - 1);
    std::vector<uint32_t> numbers;
    for (uint32_t number = msgno; number <= last; number++)
        numbers.push_back(number);
    imap::FetchRequest request;
    request.uid = true;
    request.body_structure = true;

    // A failed window is not logged, because the caller then fetches the
    // one message as before and that fetch logs its own failure. So the
    // error log stays what it was without the window.
    uint64_t expunges_before = expunge_count();
    std::vector<imap::FetchedMessage> fetched;
    try {
        fetched = client_->fetch(numbers, request);
        collect_alerts();
    } catch (const Error &) {
        collect_alerts();
        return;
    }
    check_structure_cache();
    if (expunge_count() != expunges_before)
        return;  // the FETCH numbers may be before or after the EXPUNGE

    if (structures_.by_uid.size() + fetched.size() > max_cached_structures) {
        structures_.by_uid.clear();
        structures_.uid_by_msgno.clear();
    }
    for (imap::FetchedMessage &message : fetched) {
        // Unsolicited FETCH responses, such as a flag change of another
        // message, carry no structure.
        if (!message.uid || !message.body_structure)
            continue;
        structures_.uid_by_msgno[message.sequence] = *message.uid;
        structures_.by_uid[*message.uid] =
            std::make_shared<const imap::BodyStructure>(std::move(*message.body_structure));
    }
}

std::shared_ptr<const imap::BodyStructure> Handler::fetch_structure(uint32_t msgno)
{
    if (!client_ || !client_->connected()) {
        log_.add_error("No IMAP connection is open");
        return nullptr;
    }
    auto cached = [&]() -> std::shared_ptr<const imap::BodyStructure> {
        check_structure_cache();
        auto uid = structures_.uid_by_msgno.find(msgno);
        if (uid == structures_.uid_by_msgno.end())
            return nullptr;
        auto found = structures_.by_uid.find(uid->second);
        return found == structures_.by_uid.end() ? nullptr : found->second;
    };
    if (std::shared_ptr<const imap::BodyStructure> structure = cached())
        return structure;
    prefetch_structures(msgno);
    if (std::shared_ptr<const imap::BodyStructure> structure = cached())
        return structure;
    std::optional<imap::BodyStructure> structure = fetch_one_structure(msgno);
    if (!structure)
        return nullptr;
    return std::make_shared<const imap::BodyStructure>(std::move(*structure));
}

namespace {

// Find the body that an IMAP section number names, with c-client's walk:
// a number picks a part of a multipart, "1" is the body of a single-part
// body, and the body of a message/rfc822 part is entered before the next
// number.
const imap::BodyStructure *find_body(const imap::BodyStructure &top, const std::vector<uint32_t> &path)
{
    const imap::BodyStructure *body = &top;
    for (size_t i = 0; i < path.size(); i++) {
        uint32_t number = path[i];
        if (body->is_multipart()) {
            if (number < 1 || number > body->parts.size())
                return nullptr;
            body = &body->parts[number - 1];
        } else if (number != 1) {
            return nullptr;
        }
        if (i + 1 < path.size() && body->type == "message" && body->subtype == "rfc822") {
            if (body->parts.empty())
                return nullptr;
            body = &body->parts[0];
        }
    }
    return body;
}

std::optional<std::vector<uint32_t>> parse_section_path(std::string_view section)
{
    std::vector<uint32_t> path;
    size_t start = 0;
    while (start <= section.size()) {
        size_t dot = section.find('.', start);
        std::string_view part = section.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (!is_digits(part) || part.size() > 9)
            return std::nullopt;
        path.push_back(static_cast<uint32_t>(std::stoul(std::string(part))));
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    return path;
}

}  // namespace

std::optional<std::string> Handler::fetch_body(uint32_t msgno, std::string_view section)
{
    if (section.empty())
        return fetch_section(msgno, "");
    if (section == "0")
        return fetch_section(msgno, "HEADER");
    std::optional<std::vector<uint32_t>> path = parse_section_path(section);
    if (!path)
        return std::string();  // ".MIME", ".HEADER", ".TEXT" and other text: ext/imap returns ""
    bool header = path->size() > 1 && path->back() == 0;
    if (header)
        path->pop_back();
    std::shared_ptr<const imap::BodyStructure> structure = fetch_structure(msgno);
    if (!structure)
        return std::nullopt;
    const imap::BodyStructure *body = find_body(*structure, *path);
    if (body == nullptr)
        return std::string();
    std::string numbers(section);
    if (header) {
        if (!(body->type == "message" && body->subtype == "rfc822"))
            return std::string();
        numbers = numbers.substr(0, numbers.size() - 2) + ".HEADER";
    }
    return fetch_section(msgno, numbers);
}

std::optional<std::string> Handler::fetch_mime(uint32_t msgno, std::string_view section)
{
    if (section.empty())
        return fetch_section(msgno, "HEADER");
    std::optional<std::vector<uint32_t>> path = parse_section_path(section);
    if (!path)
        return std::string();
    std::shared_ptr<const imap::BodyStructure> structure = fetch_structure(msgno);
    if (!structure)
        return std::nullopt;
    if (find_body(*structure, *path) == nullptr)
        return std::string();
    return fetch_section(msgno, std::string(section) + ".MIME");
}

// ---- changes ------------------------------------------------------------------

void Handler::store_flags(std::string_view sequence, std::string_view flags, bool add, bool uid)
{
    std::optional<std::vector<uint32_t>> msgnos = parse_sequence(sequence, uid);
    if (!msgnos || msgnos->empty())
        return;
    std::vector<std::string> list = split_flags(flags);
    guarded([&] { client_->store(*msgnos, add ? imap::StoreMode::add : imap::StoreMode::remove, list); });
}

bool Handler::copy(std::string_view sequence, std::string_view mailbox, bool uid, bool move)
{
    std::optional<std::vector<uint32_t>> msgnos = parse_sequence(sequence, uid);
    if (!msgnos)
        return false;
    if (msgnos->empty())
        return false;
    std::optional<std::string> target = mailbox_from(mailbox);
    if (!target)
        return false;
    // ext/imap moves with COPY and STORE +FLAGS (\Deleted), without EXPUNGE,
    // so the source message stays until the next expunge.
    return guarded([&] {
        client_->copy(*msgnos, *target);
        if (move)
            client_->store(*msgnos, imap::StoreMode::add, {"\\Deleted"});
    });
}

void Handler::expunge()
{
    if (guarded([&] { client_->expunge(); }))
        uids_valid_ = false;
}

bool Handler::append(std::string_view mailbox, std::string_view message, std::string_view flags,
                     std::optional<int64_t> internal_date)
{
    std::optional<std::string> target = mailbox_from(mailbox);
    if (!target)
        return false;
    std::vector<std::string> list = split_flags(flags);
    // NOTE: the core sends the internal date in UTC, so its zone offset
    // is lost: "08:30:00 +0100" is stored as "07:30:00 +0000".
    return guarded([&] { client_->append(*target, message, list, internal_date); });
}

bool Handler::create_mailbox(std::string_view mailbox)
{
    std::optional<std::string> name = mailbox_from(mailbox);
    return name && guarded([&] { client_->create(*name); });
}

bool Handler::rename_mailbox(std::string_view from, std::string_view to)
{
    std::optional<std::string> old_name = mailbox_from(from);
    std::optional<std::string> new_name = mailbox_from(to);
    return old_name && new_name && guarded([&] { client_->rename(*old_name, *new_name); });
}

bool Handler::delete_mailbox(std::string_view mailbox)
{
    std::optional<std::string> name = mailbox_from(mailbox);
    return name && guarded([&] { client_->delete_mailbox(*name); });
}

bool Handler::subscribe(std::string_view mailbox, bool subscribe)
{
    std::optional<std::string> name = mailbox_from(mailbox);
    return name && guarded([&] {
        if (subscribe)
            client_->subscribe(*name);
        else
            client_->unsubscribe(*name);
    });
}

std::optional<imap::MailboxStatus> Handler::status(std::string_view mailbox)
{
    std::optional<std::string> name = mailbox_from(mailbox);
    if (!name)
        return std::nullopt;
    imap::MailboxStatus result;
    if (!guarded([&] { result = client_->status(*name); }))
        return std::nullopt;
    return result;
}

std::optional<std::vector<imap::MailboxInfo>> Handler::list(std::string_view reference, std::string_view pattern)
{
    std::optional<std::string> name = mailbox_from(reference);
    if (!name)
        return std::nullopt;
    // A reference of only "{host}" names no mailbox: mailbox_from() then
    // returns "INBOX", which must not become the LIST reference.
    std::string list_reference = (!reference.empty() && reference.back() == '}') ? "" : *name;
    std::vector<imap::MailboxInfo> result;
    if (!guarded([&] { result = client_->list(list_reference, pattern); }))
        return std::nullopt;
    if (result.empty())
        return std::nullopt;
    return result;
}

// ---- SuiteCRM's message list ---------------------------------------------

MessagePage plan_message_page(Handler &handler, std::string_view filter, long sort_criterion, bool descending,
                              long offset, bool from_end, long page_size)
{
    MessagePage page;
    if (filter.empty() && sort_criterion == 0) {
        long total = handler.message_count();
        page.total = static_cast<uint32_t>(total);
        if (total == 0)
            return page;
        long first = 0;
        long last = 0;
        if (!descending) {
            first = from_end ? total - page_size : (offset <= 0 ? 1 : offset);
            last = from_end ? total : first + page_size;
        } else if (from_end) {
            first = 1;
            last = first + page_size;
        } else if (offset <= 0) {
            first = total - page_size;
            last = total;
        } else {
            first = total - offset - page_size;
            last = first + page_size;
        }
        first = std::clamp(first, 1L, total);
        last = std::clamp(last, first, total);
        for (long msgno = first; msgno <= last; msgno++)
            page.msgnos.push_back(static_cast<uint32_t>(msgno));
        return page;
    }

    std::optional<std::vector<uint32_t>> sorted = handler.sort(sort_criterion, descending, se_uid, filter, "");
    if (!sorted || sorted->empty())
        return page;
    page.total = static_cast<uint32_t>(sorted->size());
    size_t start = offset > 0 ? static_cast<size_t>(offset) : 0;
    for (size_t i = start; i < sorted->size() && i < start + static_cast<size_t>(page_size); i++) {
        uint32_t msgno = handler.msgno_of((*sorted)[i]);
        if (msgno != 0)
            page.msgnos.push_back(msgno);
    }
    std::sort(page.msgnos.begin(), page.msgnos.end());
    return page;
}

bool has_attachment(const imap::BodyStructure &structure)
{
    if (structure.type != "text" && structure.type != "multipart")
        return true;
    for (const imap::BodyStructure &part : structure.parts) {
        if (!part.disposition_parameters.empty())
            return true;
    }
    return false;
}

}  // namespace mailbridge::imapcompat
