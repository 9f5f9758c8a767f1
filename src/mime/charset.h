// Charsets for text parts and header encoded words, converted from UTF-8
// with iconv(3) (glibc's on Debian).
#ifndef MAILBRIDGE_MIME_CHARSET_H
#define MAILBRIDGE_MIME_CHARSET_H

#include <string>
#include <string_view>

namespace mailbridge::mime {

// A MIME charset that UTF-8 text can be converted to. The default is UTF-8,
// which needs no conversion.
class Charset {
public:
    Charset() = default;
    // Throws InvalidInput when name is not a MIME charset name, which is a
    // token of at most 40 characters (RFC 2978 section 2.3), or when iconv
    // cannot convert UTF-8 to it. Also throws for a charset that does not
    // encode ASCII as ASCII (UTF-16, UTF-32, EBCDIC), because MIME line ends
    // and markup must stay ASCII.
    explicit Charset(std::string_view name);

    // The name as written in charset= and encoded words, in upper case.
    const std::string &name() const { return name_; }
    bool is_utf8() const { return utf8_; }

    // Convert UTF-8 text to this charset. Throws InvalidInput naming the
    // charset, part (e.g. "the subject") and the first character that the
    // charset cannot represent. text must be valid UTF-8.
    std::string from_utf8(std::string_view text, std::string_view part) const;

private:
    std::string name_ = "UTF-8";
    bool utf8_ = true;
};

}  // namespace mailbridge::mime

#endif
