// A message as composed by the caller, serialized to RFC 5322 / MIME bytes.
// Structure follows the content:
//   mixed( related( alternative(text, html, calendar), inline images ), attachments )
// Each multipart appears only when it is needed. Alternative needs more than
// one of text, HTML and calendar, related needs inline images (embed), and
// mixed needs attachments. Attached files are read in chunks, only while
// the message is read.
#ifndef MAILBRIDGE_MIME_MESSAGE_H
#define MAILBRIDGE_MIME_MESSAGE_H

#include <cstdint>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/byte_source.h"
#include "mime/address.h"
#include "mime/charset.h"

namespace mailbridge::mime {

class Content;
struct Part;

// A file part: an attachment, or an inline part (embed) when content_id is set.
struct Attachment {
    // The bytes, when attached from a string. Shared, because the base64
    // cache (Base64LinesCache) may keep them after the message is gone.
    std::shared_ptr<const std::string> content;
    std::string path;          // the file, when attached from a path (read at serialization)
    std::string filename;      // name shown to the recipient
    std::string content_type;  // e.g. "application/pdf"; guessed from the extension when empty
    std::string content_id;    // Content-ID without angle brackets; empty for an attachment
};

class Message {
public:
    void set_from(Address address) { from_ = std::move(address); }
    void add_to(Address address) { to_.push_back(std::move(address)); }
    void add_cc(Address address) { cc_.push_back(std::move(address)); }
    void add_bcc(Address address) { bcc_.push_back(std::move(address)); }
    void add_reply_to(Address address) { reply_to_.push_back(std::move(address)); }
    // Throws InvalidInput on CR, LF or NUL, or invalid UTF-8.
    void set_subject(std::string subject);
    // Plain text and HTML bodies; an empty string means none. They are
    // given as UTF-8, which freeze() checks, and sent in the message's
    // charset (set_charset).
    void set_text(std::string text) { text_ = std::move(text); }
    void set_html(std::string html) { html_ = std::move(html); }
    // An iCalendar object (RFC 5545) sent as a text/calendar part with the
    // iTIP method (RFC 5546, e.g. REQUEST, CANCEL, REPLY, PUBLISH) after the
    // text and HTML in multipart/alternative, which mail clients show as an
    // invitation (iMIP, RFC 6047). It always goes out as UTF-8. An empty ics
    // removes the part. Throws InvalidInput when ics is not valid UTF-8,
    // when method is not an iCalendar token (letters, digits, '-'), or when
    // ics has a METHOD property with another value.
    void set_calendar(std::string ics, std::string method);
    // Charset of the text and HTML bodies, the subject and display names;
    // UTF-8 by default. Conversion happens in freeze(), which throws
    // InvalidInput naming the charset and the part when a character has no
    // equivalent. Throws InvalidInput for a name that iconv does not know
    // or that is unsuitable for mail (see Charset).
    void set_charset(std::string_view name) { charset_ = Charset(name); }
    const Charset &charset() const { return charset_; }
    // Throws InvalidInput when the file name has CR, LF or NUL or is not
    // valid UTF-8, or the type is malformed. The type is "type/subtype" with
    // optional "; attribute=value" parameters; an empty one is guessed from
    // the file name. Every attachment is sent base64-encoded, so multipart
    // and message/rfc822 types, which must not be, are rejected.
    void attach(std::string content, std::string filename, std::string content_type);
    // Throws InvalidInput when the path is not a readable regular file now.
    // An empty filename means the last component of path.
    void attach_path(std::string path, std::string filename, std::string content_type);
    // An inline part for multipart/related, which HTML refers to as
    // "cid:<content_id>", sent with Content-ID and Content-Disposition:
    // inline. content_id is id-left@id-right or a dot-atom such as
    // "logo.png", without angle brackets. Throws as attach, and when the
    // content ID is invalid or already used. An empty filename gives no
    // filename parameter.
    void embed(std::string content, std::string content_id, std::string filename, std::string content_type);
    // Same for a file, read as attach_path reads it. An empty filename
    // means the last component of path.
    void embed_path(std::string path, std::string content_id, std::string filename, std::string content_type);
    // Extra header. Throws InvalidInput on a bad name or value, and when the
    // name is one the message manages itself (From, To, Cc, Bcc, Reply-To,
    // Subject, Date, Message-ID, MIME-Version, Content-*). A value with
    // non-ASCII text goes out as RFC 2047 encoded words, so use non-ASCII
    // only in unstructured fields.
    void add_header(std::string name, std::string value);
    // Add "Auto-Submitted: auto-generated" (RFC 3834), so that
    // auto-responders do not reply. Throws InvalidInput when add_header
    // already set Auto-Submitted.
    void set_auto_submitted();
    // Add "List-Unsubscribe: <url>, <mailto:address>" (RFC 2369), and with
    // an https URL also "List-Unsubscribe-Post: List-Unsubscribe=One-Click"
    // (RFC 8058), for which the message needs a DKIM signature that covers
    // both fields. Either argument may be empty, not both. url must be http
    // or https in printable ASCII without spaces, '<' or '>'; mailto is an
    // address, with or without "mailto:". Throws InvalidInput on other
    // values, and when add_header already set either field.
    void set_list_unsubscribe(std::string url, std::string mailto);
    // Message-ID without angle brackets; throws InvalidInput when it is not id-left@id-right.
    void set_message_id(std::string id);
    // Domain used for generated Message-IDs (defaults to the From domain).
    void set_message_id_domain(std::string domain);

    const std::optional<Address> &from() const { return from_; }
    const std::vector<Address> &to() const { return to_; }
    const std::vector<Address> &cc() const { return cc_; }
    const std::vector<Address> &bcc() const { return bcc_; }
    // Message-ID without angle brackets; empty until generated or set.
    const std::string &message_id() const { return message_id_; }

    // Fix the generated values (Message-ID, Date, boundaries) on the first
    // call, so later serializations return the same bytes until the
    // message is changed in a way that needs new ones. Every call then
    // converts the text to the charset, records the size of each attached
    // file, and keeps the result for open() and size(). Throws InvalidInput
    // without a From address or without any recipient, when the text or
    // HTML body is not valid UTF-8, when text has no equivalent in the
    // charset, or when an attached file is no longer readable.
    void freeze();
    // A source of the message as of the last freeze(): headers (never
    // Bcc), a blank line, the body, all with CRLF line ends and no line
    // over 998 octets. Attached files are read again on each open, in
    // chunks. Reading throws InvalidInput naming a file that cannot be read
    // or whose size changed since freeze(). Throws std::logic_error before
    // the first freeze().
    std::unique_ptr<ByteSource> open() const;
    // A function that opens the message as of this freeze() on each call,
    // as open() does. It keeps working, with the same bytes, after the
    // message changes or is destroyed, so a transport can keep it for
    // retries without copying the message. Throws std::logic_error before
    // the first freeze().
    std::function<std::unique_ptr<ByteSource>()> opener() const;
    // The exact number of bytes that open() produces, computed without
    // reading attached files. Throws std::logic_error before the first freeze().
    std::uint64_t size() const;
    // freeze(), then all of open() in one string.
    std::string serialize();
    // Write all of open() as of the last freeze() to destination, which
    // must have room for size() bytes, without a temporary copy of the
    // message. Throws as reading open() does, and std::logic_error before
    // the first freeze().
    void write_frozen(char *destination) const;

    // Envelope sender (the From addr-spec; throws InvalidInput without From)
    // and recipients (To, Cc and Bcc addr-specs, in that order, without
    // duplicates: local parts compare exactly, domains case-insensitively).
    std::string envelope_sender() const;
    std::vector<std::string> envelope_recipients() const;
    // True when any address has a non-ASCII local part.
    bool needs_smtputf8() const;

private:
    std::string header_fields() const;
    void check_charset_conversions() const;
    Part body_part() const;
    Part file_part(const Attachment &attachment, std::string_view disposition) const;
    bool has_header(std::string_view name) const;

    std::optional<Address> from_;
    std::vector<Address> to_, cc_, bcc_, reply_to_;
    std::string subject_;
    std::string text_, html_;
    std::string calendar_, calendar_method_;
    Charset charset_;
    std::vector<Attachment> attachments_;
    std::vector<Attachment> inline_parts_;
    std::vector<std::pair<std::string, std::string>> headers_;
    bool auto_submitted_ = false;
    std::string unsubscribe_url_;     // empty, or http(s) URL
    std::string unsubscribe_mailto_;  // empty, or "mailto:..." URI
    std::string message_id_;
    std::string message_id_domain_;
    std::string date_;
    std::string boundary_seed_;
    // The message as of the last freeze(). It is immutable and shared with
    // open sources, so a source stays valid after the message changes.
    std::shared_ptr<const Content> frozen_;
};

// MIME type for a file name from its extension (case-insensitive), or
// "application/octet-stream" when the extension is not in the table.
std::string guess_content_type(std::string_view filename);

}  // namespace mailbridge::mime

#endif
