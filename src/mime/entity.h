// Building blocks of a MIME body: content types and their parameters
// (RFC 2045, RFC 2231), text and file parts with their transfer encodings,
// and multiparts (RFC 2046 section 5.1).
#ifndef MAILBRIDGE_MIME_ENTITY_H
#define MAILBRIDGE_MIME_ENTITY_H

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mime/content.h"

namespace mailbridge::mime {

// A MIME entity: its Content-* header fields (each ending in CRLF) and its
// encoded body, without the CRLF that belongs to the next delimiter.
struct Part {
    std::string headers;
    Content body;
};

// RFC 2045 section 5.1 token: printable ASCII except space and tspecials.
bool is_token(std::string_view text);

// RFC 2045 section 5.1: type "/" subtype *(";" attribute "=" value), as
// the items "type/subtype", "attribute=value", ... for fold_list_header.
// Throws InvalidInput when content_type does not have that form.
std::vector<std::string> parse_content_type(std::string_view content_type);
std::string join_content_type(const std::vector<std::string> &items);

// A text part whose text is already in the charset that content_type names
// (items as from parse_content_type). The body is 7bit when every line is
// short ASCII, quoted-printable when at most a third of the bytes need
// escaping, and base64 otherwise, as for text in a non-Latin script.
Part text_part(std::string_view text, const std::vector<std::string> &content_type);

// The header fields of a base64-encoded file part: Content-Type (the type
// with a name= parameter for older readers), Content-Transfer-Encoding,
// Content-Disposition (disposition with an RFC 2231 filename), and
// Content-ID when content_id is not empty. content_type must be valid.
std::string file_part_headers(std::string_view content_type, std::string_view filename,
                              std::string_view disposition, std::string_view content_id);
// bytes as base64 lines, without the CRLF after the last line.
Content base64_body(std::string_view bytes);
// The same for an attachment, with the lines taken from and kept in
// Base64LinesCache::process_cache() and shared, not copied, into the body.
Content base64_body(const std::shared_ptr<const std::string> &bytes);

// A boundary from the frozen seed, one per multipart kind ('a' for
// alternative, 'r' for related, 'm' for mixed), that none of parts contains.
std::string choose_boundary(const std::string &seed, char kind, const std::vector<Part> &parts);
// RFC 2046 section 5.1.1: no preamble, each part after "--boundary", and
// "--boundary--" at the end. parameters go before the boundary parameter.
Part multipart(std::string_view subtype, const std::string &boundary, std::vector<Part> parts,
               const std::vector<std::string> &parameters = {});

}  // namespace mailbridge::mime

#endif
