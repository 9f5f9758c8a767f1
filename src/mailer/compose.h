// Message composition with PHPMailer 6's property semantics, for the
// MailBridge\Mailer class. It differs from mime::Message in three ways.
// The text arrives already in the declared charset and is never converted.
// The caller picks the body's transfer encoding. The structure nests as
// PHPMailer nests it, each multipart only when it is needed:
//   mixed( alternative( text/plain, related( html, inline files ) ), attachments )
#ifndef MAILBRIDGE_MAILER_COMPOSE_H
#define MAILBRIDGE_MAILER_COMPOSE_H

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mailbridge::mailer {

// An address with a display name. The name is bytes in the message
// charset, or already RFC 2047 encoded, as PHPMailer callers pass it.
struct NamedAddress {
    std::string address;
    std::string name;
};

// A file part: an attachment, or an inline part when disposition is "inline".
struct FilePart {
    std::string data;          // the bytes (read from the file by the caller)
    std::string filename;      // name shown to the recipient; empty for none
    std::string encoding;      // base64, quoted-printable, 7bit, 8bit or binary
    std::string content_type;  // "type/subtype"; guessed from filename when empty
    std::string disposition;   // "attachment" or "inline"
    std::string content_id;    // Content-ID without angle brackets; empty for none
};

struct Composition {
    std::string charset = "iso-8859-1";
    std::string content_type = "text/plain";  // of Body when there is no AltBody
    std::string encoding = "8bit";            // 8bit, 7bit, binary, base64 or quoted-printable
    unsigned word_wrap = 0;                   // characters per line, 0 for no wrapping
    std::string subject;
    std::string body;
    std::string alt_body;  // non-empty: Body is HTML and this is its plain-text alternative
    NamedAddress from;
    std::vector<NamedAddress> to, cc, reply_to;
    std::string date;        // Date field value
    std::string message_id;  // Message-ID field value, with angle brackets
    std::optional<std::string> priority;  // X-Priority value
    std::string x_mailer;                 // empty for no X-Mailer field
    std::string confirm_reading_to;       // Disposition-Notification-To address, or empty
    std::vector<std::pair<std::string, std::string>> custom_headers;
    std::vector<FilePart> files;
    std::string boundary_seed;  // makes the boundaries; the same seed gives the same bytes
};

struct Composed {
    std::string header;  // header fields, each ending in CRLF, without the blank line
    std::string body;    // the body, with CRLF line ends
};

// Compose the message. The same composition always gives the same bytes.
// Throws mime::InvalidInput naming the value when an address, a header
// field, the charset name, an encoding or a content type is invalid.
Composed compose(const Composition &composition);

// The addr-spec of address, with an internationalized domain in A-labels.
// Throws mime::InvalidInput when it is not a valid address.
std::string normalize_address(const std::string &address);

// Wrap text at spaces so that lines are at most width characters where a
// space allows it. Line ends become CRLF.
std::string wrap_text(const std::string &text, unsigned width);

}  // namespace mailbridge::mailer

#endif
