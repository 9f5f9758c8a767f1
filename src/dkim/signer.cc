#include "dkim/signer.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "common/base64.h"
#include "mime/address.h"

namespace mailbridge::dkim {

namespace {

// Bytes requested from the ByteSource per read. The chunk and its
// normalized and canonical forms stay small enough for the CPU caches, and
// below glibc's default 128 KiB malloc trim threshold together, so that
// signing a large message does not map and unmap memory on every call.
constexpr size_t kReadChunkSize = 16 * 1024;
// Folded lines of the DKIM-Signature field stay within the 78 characters
// that RFC 5322 section 2.1.1 recommends, unless one tag such as a long d=
// value is longer on its own.
constexpr size_t kMaxLineLength = 78;
// A DNS name has at most 255 octets on the wire (RFC 1035 section 2.3.4),
// which is 253 characters in dotted text form, and a label at most 63.
constexpr size_t kMaxDnsNameLength = 253;
constexpr size_t kMaxLabelLength = 63;
// RFC 6376 section 3.5 says that verifiers SHOULD handle t= values up to
// 10^12, and x= has the same format. These bounds keep both below that.
constexpr long long kMaxExpirationSeconds = 100'000'000'000;
constexpr long long kMaxTimestamp = 100'000'000'000;

std::string to_lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

Canonicalization parse_canonicalization(const char *which, const std::string &value)
{
    if (value == "relaxed")
        return Canonicalization::relaxed;
    if (value == "simple")
        return Canonicalization::simple;
    throw mime::InvalidInput(std::string("invalid DKIM ") + which + " canonicalization " +
                             mime::quote_for_error(value) + ": use \"relaxed\" or \"simple\"");
}

Algorithm parse_algorithm(const std::string &value)
{
    if (value == "rsa-sha256")
        return Algorithm::rsa_sha256;
    if (value == "ed25519-sha256")
        return Algorithm::ed25519_sha256;
    if (value == "rsa-sha1")
        throw mime::InvalidInput("DKIM algorithm \"rsa-sha1\" is not allowed (RFC 8301): use \"rsa-sha256\"");
    throw mime::InvalidInput("invalid DKIM algorithm " + mime::quote_for_error(value) +
                             ": use \"rsa-sha256\" or \"ed25519-sha256\"");
}

std::string check_domain(const std::string &domain)
{
    std::string ascii = mime::domain_to_ascii(domain);
    if (!ascii.empty() && ascii.front() == '[')
        throw mime::InvalidInput("invalid DKIM domain " + mime::quote_for_error(domain) +
                                 ": use a domain name, not an address literal");
    return ascii;
}

// RFC 6376 section 3.1: a selector is dot-separated labels of letters,
// digits and hyphens, with no hyphen at either end of a label.
void check_selector(const std::string &selector, const std::string &domain)
{
    auto reject = [&](const std::string &reason) {
        throw mime::InvalidInput("invalid DKIM selector " + mime::quote_for_error(selector) + ": " + reason);
    };
    if (selector.empty())
        reject("it is empty");
    size_t start = 0;
    while (true) {
        size_t end = selector.find('.', start);
        if (end == std::string::npos)
            end = selector.size();
        std::string_view label(selector.data() + start, end - start);
        if (label.empty())
            reject("it has an empty label");
        if (label.size() > kMaxLabelLength)
            reject("a label is longer than " + std::to_string(kMaxLabelLength) + " characters");
        bool valid = std::all_of(label.begin(), label.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
        });
        if (!valid || label.front() == '-' || label.back() == '-')
            reject("use letters, digits and hyphens, with no hyphen at the start or end of a label");
        if (end == selector.size())
            break;
        start = end + 1;
    }
    std::string record = selector + "._domainkey." + domain;
    if (record.size() > kMaxDnsNameLength)
        reject("the key record name " + record + " is longer than " + std::to_string(kMaxDnsNameLength) +
               " characters");
}

std::vector<std::string> check_headers(const std::vector<std::string> &names)
{
    const std::vector<std::string> &list = names.empty() ? default_headers() : names;
    std::vector<std::string> lower;
    for (const std::string &name : list) {
        // RFC 5322 section 3.6.8 field-name: printable ASCII except ':'.
        bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
            auto byte = static_cast<unsigned char>(c);
            return byte >= 33 && byte <= 126 && c != ':';
        });
        if (!valid)
            throw mime::InvalidInput("invalid header name " + mime::quote_for_error(name) +
                                     " in the DKIM header list: use printable ASCII without spaces or ':'");
        std::string lowered = to_lower(name);
        if (std::find(lower.begin(), lower.end(), lowered) != lower.end())
            throw mime::InvalidInput("the DKIM header list names " + mime::quote_for_error(name) +
                                     " twice; every present instance of a listed field is signed already");
        lower.push_back(std::move(lowered));
    }
    if (std::find(lower.begin(), lower.end(), "from") == lower.end())
        throw mime::InvalidInput("the DKIM header list must include From (RFC 6376 section 5.4)");
    return lower;
}

// DKIM quoted-printable (RFC 6376 section 2.11): every byte outside
// 0x21-0x3A, 0x3C and 0x3E-0x7E becomes "=XX", so ';' and '=' cannot end
// the tag value.
std::string dkim_quoted_printable(std::string_view text)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if ((byte >= 0x21 && byte <= 0x3A) || byte == 0x3C || (byte >= 0x3E && byte <= 0x7E)) {
            out += c;
        } else {
            out += '=';
            out += hex[byte >> 4];
            out += hex[byte & 0x0F];
        }
    }
    return out;
}

// Check i= and return its tag value: the local part (which may be empty) in
// DKIM quoted-printable, '@' and the A-label domain, which must be the
// signing domain or a subdomain of it (RFC 6376 section 3.5).
std::string check_identity(const std::string &identity, const std::string &domain)
{
    auto reject = [&](const std::string &reason) {
        throw mime::InvalidInput("invalid DKIM identity " + mime::quote_for_error(identity) + ": " + reason);
    };
    size_t at = identity.rfind('@');
    if (at == std::string::npos)
        reject("use an address such as user@" + domain + " or @" + domain);
    if (identity.find_first_of(std::string_view("<>\" \t\r\n\0", 8)) != std::string::npos)
        reject("use a bare address without a display name, quotes or white space");

    std::string local_part;
    std::string identity_domain;
    if (at == 0) {
        identity_domain = check_domain(identity.substr(1));
    } else {
        mime::Address address = mime::parse_address(identity);
        local_part = address.local_part;
        identity_domain = address.domain;
        if (identity_domain.front() == '[')
            reject("use a domain name, not an address literal");
    }
    std::string lower_identity_domain = to_lower(identity_domain);
    std::string lower_domain = to_lower(domain);
    bool within = lower_identity_domain == lower_domain ||
                  (lower_identity_domain.size() > lower_domain.size() &&
                   lower_identity_domain.compare(lower_identity_domain.size() - lower_domain.size() - 1,
                                                 std::string::npos, "." + lower_domain) == 0);
    if (!within)
        reject("its domain must be " + domain + " or a subdomain of it");
    return dkim_quoted_printable(local_part) + "@" + identity_domain;
}

// Builds the folded DKIM-Signature field. Tags are separated by "; " and a
// line is broken before a tag (or an h= name) that would pass 78 characters.
class HeaderFolder {
public:
    HeaderFolder() : text_("DKIM-Signature:"), line_length_(text_.size()) {}

    // Add a tag such as "d=example.com;" after a space or a line break.
    void add_tag(const std::string &tag)
    {
        if (line_length_ + 1 + tag.size() > kMaxLineLength)
            break_line();
        else
            append(" ");
        append(tag);
    }

    // Add "h=name1:name2:...;" with line breaks after a colon where needed.
    // RFC 6376 section 3.5 allows folding white space around each colon.
    void add_header_list(const std::vector<std::string> &names)
    {
        for (size_t i = 0; i < names.size(); ++i) {
            std::string piece = (i == 0 ? "h=" : "") + names[i] + (i + 1 == names.size() ? ";" : ":");
            if (i == 0)
                add_tag(piece);
            else if (line_length_ + piece.size() > kMaxLineLength) {
                break_line();
                append(piece);
            } else {
                append(piece);
            }
        }
    }

    // Start "b=" on a line of its own. The field up to here is what gets
    // signed, so the signature value that follows cannot change it.
    void start_signature()
    {
        break_line();
        append("b=");
    }

    // Append the base64 signature, broken into lines that fit.
    void add_signature_value(const std::string &value)
    {
        size_t position = 0;
        while (position < value.size()) {
            if (line_length_ >= kMaxLineLength)
                break_line();
            size_t length = std::min(kMaxLineLength - line_length_, value.size() - position);
            append(value.substr(position, length));
            position += length;
        }
    }

    const std::string &text() const { return text_; }

private:
    void break_line()
    {
        text_ += "\r\n ";
        line_length_ = 1;
    }

    void append(const std::string &piece)
    {
        text_ += piece;
        line_length_ += piece.size();
    }

    std::string text_;
    size_t line_length_;
};

// The SHA-256 body hash (bh=), fed with canonical body bytes.
class BodyHash {
public:
    BodyHash() : context_(EVP_MD_CTX_new(), EVP_MD_CTX_free)
    {
        if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("DKIM signing failed: SHA-256 is not available");
    }

    void update(const std::string &bytes)
    {
        if (!bytes.empty() && EVP_DigestUpdate(context_.get(), bytes.data(), bytes.size()) != 1)
            throw std::runtime_error("DKIM signing failed: the body hash could not be updated");
    }

    std::string finish_base64()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        if (EVP_DigestFinal_ex(context_.get(), digest, &size) != 1)
            throw std::runtime_error("DKIM signing failed: the body hash could not be computed");
        return base64_encode(std::string_view(reinterpret_cast<const char *>(digest), size));
    }

private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context_;
};

}  // namespace

const std::vector<std::string> &default_headers()
{
    static const std::vector<std::string> names = {
        "From",        "To",         "Cc",          "Subject",          "Date",
        "Message-ID",  "MIME-Version", "Content-Type", "Reply-To",      "In-Reply-To",
        "References",  "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id", "Auto-Submitted",
    };
    return names;
}

Signer::Signer(Options options)
{
    domain_ = check_domain(options.domain);
    check_selector(options.selector, domain_);
    selector_ = options.selector;
    Algorithm algorithm = parse_algorithm(options.algorithm);
    headers_ = check_headers(options.headers);
    header_method_ = parse_canonicalization("header", options.header_canonicalization);
    body_method_ = parse_canonicalization("body", options.body_canonicalization);
    if (!options.identity.empty()) {
        identity_tag_value_ = check_identity(options.identity, domain_);
        identity_ = options.identity;
    }
    if (options.expiration_seconds < 0 || options.expiration_seconds > kMaxExpirationSeconds)
        throw mime::InvalidInput("invalid DKIM expiration " + std::to_string(options.expiration_seconds) +
                                 ": use a number of seconds from 1 to " + std::to_string(kMaxExpirationSeconds) +
                                 ", or 0 for none");
    expiration_seconds_ = options.expiration_seconds;
    if (options.timestamp < 0 || options.timestamp > kMaxTimestamp)
        throw mime::InvalidInput("invalid DKIM timestamp " + std::to_string(options.timestamp) +
                                 ": use seconds since 1970 up to " + std::to_string(kMaxTimestamp) +
                                 ", or 0 for the current time");
    timestamp_ = options.timestamp;

    // The key is loaded last, so that a mistake in another option is
    // reported without a possibly slow key decryption first.
    key_ = std::make_unique<PrivateKey>(options.private_key, options.passphrase, algorithm);
}

Signer::~Signer() = default;

std::string Signer::canonicalization() const
{
    auto name = [](Canonicalization method) { return method == Canonicalization::relaxed ? "relaxed" : "simple"; };
    return std::string(name(header_method_)) + "/" + name(body_method_);
}

std::string Signer::sign(ByteSource &message) const
{
    LineEndNormalizer normalizer;
    MessageSplitter splitter;
    BodyCanonicalizer body(body_method_);
    BodyHash body_hash;
    std::string chunk;
    std::string normalized;
    std::string canonical;
    bool more = true;
    while (more) {
        chunk.clear();
        normalized.clear();
        canonical.clear();
        more = message.read(chunk, kReadChunkSize);
        if (more)
            normalizer.normalize(chunk, normalized);
        else
            normalizer.finish(normalized);
        body.update(splitter.feed(normalized), canonical);
        if (!more)
            body.finish(canonical);
        body_hash.update(canonical);
    }

    // RFC 6376 section 5.4.2: the n-th occurrence of a name in h= selects
    // the n-th instance of that field counted from the bottom, so the
    // instances are added bottom-up.
    std::vector<HeaderField> fields = parse_header_fields(splitter.header_block());
    std::vector<std::string> signed_names;
    std::string data;
    for (const std::string &name : headers_) {
        for (size_t i = fields.size(); i-- > 0;) {
            if (!equals_ignoring_case(fields[i].name, name))
                continue;
            data += canonicalize_header(header_method_, fields[i].text);
            data += "\r\n";
            signed_names.push_back(name);
        }
    }
    if (std::find(signed_names.begin(), signed_names.end(), "from") == signed_names.end())
        throw mime::InvalidInput("cannot DKIM-sign a message without a From header field (RFC 6376 section 5.4)");

    std::time_t now = timestamp_ != 0 ? timestamp_ : std::time(nullptr);
    HeaderFolder folder;
    folder.add_tag("v=1;");
    folder.add_tag(std::string("a=") + algorithm() + ";");
    folder.add_tag("c=" + canonicalization() + ";");
    folder.add_tag("d=" + domain_ + ";");
    folder.add_tag("s=" + selector_ + ";");
    folder.add_tag("t=" + std::to_string(now) + ";");
    if (expiration_seconds_ > 0) {
        long long expiration = static_cast<long long>(now) + expiration_seconds_;
        folder.add_tag("x=" + std::to_string(expiration) + ";");
    }
    if (!identity_tag_value_.empty())
        folder.add_tag("i=" + identity_tag_value_ + ";");
    folder.add_header_list(signed_names);
    folder.add_tag("bh=" + body_hash.finish_base64() + ";");
    folder.start_signature();

    // RFC 6376 section 3.7: the DKIM-Signature field is hashed last, with an
    // empty b= value and without its final CRLF.
    data += canonicalize_header(header_method_, folder.text());
    folder.add_signature_value(base64_encode(key_->sign(data)));
    return folder.text() + "\r\n";
}

std::string sign_all(const std::vector<const Signer *> &signers, std::function<std::unique_ptr<ByteSource>()> open)
{
    std::string fields;
    for (const Signer *signer : signers) {
        std::unique_ptr<ByteSource> source = open();
        fields += signer->sign(*source);
    }
    return fields;
}

}  // namespace mailbridge::dkim
