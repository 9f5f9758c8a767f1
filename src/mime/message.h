// A message as composed by the caller, serialized to RFC 5322 / MIME bytes.
// Structure follows the content: text/plain, text/html, or
// multipart/alternative of both, wrapped in multipart/mixed when there are
// attachments.
#ifndef MAILBRIDGE_MIME_MESSAGE_H
#define MAILBRIDGE_MIME_MESSAGE_H

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mime/address.h"

namespace mailbridge::mime {

struct Attachment {
    std::string content;       // the bytes, when attached from a string
    std::string path;          // the file, when attached from a path (read at serialization)
    std::string filename;      // name shown to the recipient
    std::string content_type;  // e.g. "application/pdf"; guessed from the extension when empty
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
    // Plain text and HTML bodies; an empty string means none. They are sent
    // as UTF-8, which freeze() checks.
    void set_text(std::string text) { text_ = std::move(text); }
    void set_html(std::string html) { html_ = std::move(html); }
    // Throws InvalidInput when the file name has CR, LF or NUL or is not
    // valid UTF-8, or the type is malformed. The type is "type/subtype" with
    // optional "; attribute=value" parameters; an empty one is guessed from
    // the file name.
    void attach(std::string content, std::string filename, std::string content_type);
    // Throws InvalidInput when the path is not a readable regular file now.
    // An empty filename means the last component of path.
    void attach_path(std::string path, std::string filename, std::string content_type);
    // Extra header. Throws InvalidInput on a bad name or value, and when the
    // name is one the message manages itself (From, To, Cc, Bcc, Reply-To,
    // Subject, Date, Message-ID, MIME-Version, Content-*). A value with
    // non-ASCII text goes out as RFC 2047 encoded words, so use non-ASCII
    // only in unstructured fields.
    void add_header(std::string name, std::string value);
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
    // message is changed in a way that needs new ones. Throws InvalidInput
    // without a From address or without any recipient, or when the text or
    // HTML body is not valid UTF-8.
    void freeze();
    // The whole message: headers (never Bcc), a blank line, the body, all
    // with CRLF line ends and no line over 998 octets. Calls freeze().
    // Throws InvalidInput when an attached file cannot be read.
    std::string serialize();

    // Envelope sender (the From addr-spec; throws InvalidInput without From)
    // and recipients (To, Cc and Bcc addr-specs, in that order, without
    // duplicates: local parts compare exactly, domains case-insensitively).
    std::string envelope_sender() const;
    std::vector<std::string> envelope_recipients() const;
    // True when any address has a non-ASCII local part.
    bool needs_smtputf8() const;

private:
    std::string header_fields() const;

    std::optional<Address> from_;
    std::vector<Address> to_, cc_, bcc_, reply_to_;
    std::string subject_;
    std::string text_, html_;
    std::vector<Attachment> attachments_;
    std::vector<std::pair<std::string, std::string>> headers_;
    std::string message_id_;
    std::string message_id_domain_;
    std::string date_;
    std::string boundary_seed_;
};

// MIME type for a file name from its extension (case-insensitive), or
// "application/octet-stream" when the extension is not in the table.
std::string guess_content_type(std::string_view filename);

}  // namespace mailbridge::mime

#endif
