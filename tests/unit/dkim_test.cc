#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "common/base64.h"
#include "dkim/canonicalization.h"
#include "dkim/key.h"
#include "dkim/signer.h"
#include "mime/address.h"

using namespace mailbridge;
using namespace mailbridge::dkim;

namespace {

using KeyPointer = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

constexpr std::time_t kTimestamp = 1700000000;

// Returns the bytes in pieces of chunk_size, to show that chunk boundaries
// never change the result.
class ChunkedSource : public ByteSource {
public:
    ChunkedSource(std::string data, size_t chunk_size) : data_(std::move(data)), chunk_size_(chunk_size) {}
    bool read(std::string &out, size_t max_bytes) override
    {
        if (offset_ >= data_.size())
            return false;
        size_t length = std::min({max_bytes, chunk_size_, data_.size() - offset_});
        out.append(data_, offset_, length);
        offset_ += length;
        return true;
    }

private:
    std::string data_;
    size_t chunk_size_;
    size_t offset_ = 0;
};

KeyPointer generate_key(int type, int rsa_bits = 0)
{
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(EVP_PKEY_CTX_new_id(type, nullptr),
                                                                         EVP_PKEY_CTX_free);
    EVP_PKEY *key = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1)
        return KeyPointer(nullptr, EVP_PKEY_free);
    if (rsa_bits != 0 && EVP_PKEY_CTX_set_rsa_keygen_bits(context.get(), rsa_bits) != 1)
        return KeyPointer(nullptr, EVP_PKEY_free);
    EVP_PKEY_keygen(context.get(), &key);
    return KeyPointer(key, EVP_PKEY_free);
}

// PKCS#8 PEM, encrypted with AES-256-CBC when a passphrase is given.
std::string private_pem(EVP_PKEY *key, const std::string &passphrase = "")
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (passphrase.empty()) {
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    } else {
        PEM_write_bio_PrivateKey(bio.get(), key, EVP_aes_256_cbc(),
                                 reinterpret_cast<const unsigned char *>(passphrase.data()),
                                 static_cast<int>(passphrase.size()), nullptr, nullptr);
    }
    char *data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<size_t>(size));
}

std::string public_pem(EVP_PKEY *key)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PUBKEY(bio.get(), key);
    char *data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<size_t>(size));
}

// Keys are generated once per test program: RSA generation takes a while
// under the sanitizers.
EVP_PKEY *rsa_key()
{
    static KeyPointer key = generate_key(EVP_PKEY_RSA, 2048);
    return key.get();
}

EVP_PKEY *ed25519_key()
{
    static KeyPointer key = generate_key(EVP_PKEY_ED25519);
    return key.get();
}

Options ed25519_options()
{
    Options options;
    options.domain = "example.com";
    options.selector = "sel";
    options.algorithm = "ed25519-sha256";
    options.private_key = Secret(private_pem(ed25519_key()));
    options.timestamp = kTimestamp;
    return options;
}

Options rsa_options()
{
    Options options = ed25519_options();
    options.algorithm = "rsa-sha256";
    options.private_key = Secret(private_pem(rsa_key()));
    return options;
}

std::string sign_in_chunks(const Signer &signer, const std::string &message, size_t chunk_size = 1 << 20)
{
    ChunkedSource source(message, chunk_size);
    return signer.sign(source);
}

// Remove every line break of a folded field, keeping the white space after it.
std::string unfold(std::string field)
{
    std::string out;
    for (size_t i = 0; i < field.size(); ++i) {
        if (field.compare(i, 2, "\r\n") == 0) {
            ++i;
            continue;
        }
        out += field[i];
    }
    return out;
}

// Tag values of a DKIM-Signature field, with all white space removed.
std::map<std::string, std::string> tags(const std::string &field)
{
    std::string value = unfold(field.substr(field.find(':') + 1));
    value.erase(std::remove_if(value.begin(), value.end(), [](char c) { return c == ' ' || c == '\t'; }),
                value.end());
    std::map<std::string, std::string> result;
    size_t start = 0;
    while (start < value.size()) {
        size_t end = value.find(';', start);
        if (end == std::string::npos)
            end = value.size();
        std::string tag = value.substr(start, end - start);
        size_t equals = tag.find('=');
        if (equals != std::string::npos)
            result[tag.substr(0, equals)] = tag.substr(equals + 1);
        start = end + 1;
    }
    return result;
}

// Names of the tags in the order they appear.
std::vector<std::string> tag_order(const std::string &field)
{
    std::vector<std::string> names;
    std::string value = unfold(field.substr(field.find(':') + 1));
    size_t start = 0;
    while (start < value.size()) {
        size_t end = value.find(';', start);
        if (end == std::string::npos)
            end = value.size();
        std::string tag = value.substr(start, end - start);
        tag.erase(0, tag.find_first_not_of(" \t"));
        names.push_back(tag.substr(0, tag.find('=')));
        start = end + 1;
    }
    return names;
}

bool verify(EVP_PKEY *key, const std::string &data, const std::string &signature_base64)
{
    std::optional<std::string> signature = base64_decode(signature_base64);
    if (!signature)
        return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::string input = data;
    const EVP_MD *md = EVP_sha256();
    if (EVP_PKEY_base_id(key) == EVP_PKEY_ED25519) {
        unsigned char digest[32];
        EVP_Digest(data.data(), data.size(), digest, nullptr, EVP_sha256(), nullptr);
        input.assign(reinterpret_cast<char *>(digest), sizeof(digest));
        md = nullptr;
    }
    return EVP_DigestVerifyInit(context.get(), nullptr, md, nullptr, key) == 1 &&
           EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(signature->data()),
                            signature->size(), reinterpret_cast<const unsigned char *>(input.data()),
                            input.size()) == 1;
}

// The example message of RFC 6376 Appendix A, as in the test data of dkimpy
// 1.1.4 (dkim/tests/data/rfc6376.msg).
const std::string kRfcMessage =
    "From: Joe SixPack <joe@football.example.com>\r\n"
    "To: Suzie Q <suzie@shopping.example.net>\r\n"
    "Subject: Is dinner ready?\r\n"
    "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n"
    "Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n"
    "\r\n"
    "Hi.\r\n"
    "\r\n"
    "We lost the game.  Are you hungry yet?\r\n"
    "\r\n"
    "Joe.\r\n";

std::string canonical_body(Canonicalization method, const std::string &body, size_t chunk_size)
{
    BodyCanonicalizer canonicalizer(method);
    std::string out;
    for (size_t i = 0; i < body.size(); i += chunk_size)
        canonicalizer.update(std::string_view(body).substr(i, chunk_size), out);
    canonicalizer.finish(out);
    return out;
}

// The body canonicalization as it was before it appended runs: one byte at
// a time. The input must be CRLF-normalized.
std::string reference_canonical_body(Canonicalization method, std::string_view body)
{
    bool relaxed = method == Canonicalization::relaxed;
    std::string out;
    size_t pending_empty_lines = 0;
    bool line_has_content = false;
    bool pending_space = false;
    bool wrote_anything = false;
    for (char c : body) {
        if (c == '\r')
            continue;
        if (c == '\n') {
            if (line_has_content) {
                out += "\r\n";
                wrote_anything = true;
            } else {
                ++pending_empty_lines;
            }
            line_has_content = false;
            pending_space = false;
            continue;
        }
        if (relaxed && (c == ' ' || c == '\t')) {
            pending_space = true;
            continue;
        }
        if (!line_has_content) {
            for (; pending_empty_lines > 0; --pending_empty_lines)
                out += "\r\n";
            line_has_content = true;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        out += c;
        wrote_anything = true;
    }
    if (method == Canonicalization::simple && !wrote_anything)
        out += "\r\n";
    return out;
}

// SMTP line-end normalization as it was before runs were copied whole.
std::string reference_normalized(std::string_view message)
{
    std::string out;
    bool pending_cr = false;
    bool at_line_start = true;
    for (char c : message) {
        if (pending_cr) {
            pending_cr = false;
            out += "\r\n";
            at_line_start = true;
            if (c == '\n')
                continue;
        }
        if (c == '\r') {
            pending_cr = true;
        } else if (c == '\n') {
            out += "\r\n";
            at_line_start = true;
        } else {
            out += c;
            at_line_start = false;
        }
    }
    if (pending_cr || !at_line_start)
        out += "\r\n";
    return out;
}

std::string random_text(std::mt19937 &generator, size_t size)
{
    // Few distinct bytes, so that runs of white space, bare CR and LF and
    // empty lines all occur often.
    const std::string alphabet = "aaaabbb  \t\t\r\n\r\n\n\r";
    std::string text(size, '\0');
    for (char &c : text)
        c = alphabet[generator() % alphabet.size()];
    return text;
}

}  // namespace

// RFC 6376 section 3.4.5, first example, header part.
TEST(DkimCanonicalization, RelaxedHeadersRfcExample)
{
    std::vector<HeaderField> fields = parse_header_fields("A: X\r\nB : Y\t\r\n\tZ  \r\n");
    ASSERT_EQ(fields.size(), 2u);
    EXPECT_EQ(fields[0].name, "A");
    EXPECT_EQ(fields[1].name, "B");
    EXPECT_EQ(fields[1].text, "B : Y\t\r\n\tZ  ");
    EXPECT_EQ(canonicalize_header(Canonicalization::relaxed, fields[0].text), "a:X");
    EXPECT_EQ(canonicalize_header(Canonicalization::relaxed, fields[1].text), "b:Y Z");
}

TEST(DkimCanonicalization, SimpleHeadersUnchanged)
{
    std::vector<HeaderField> fields = parse_header_fields("A: X\r\nB : Y\t\r\n\tZ  \r\n");
    ASSERT_EQ(fields.size(), 2u);
    EXPECT_EQ(canonicalize_header(Canonicalization::simple, fields[0].text), "A: X");
    EXPECT_EQ(canonicalize_header(Canonicalization::simple, fields[1].text), "B : Y\t\r\n\tZ  ");
}

TEST(DkimCanonicalization, RelaxedHeaderEdgeCases)
{
    EXPECT_EQ(canonicalize_header(Canonicalization::relaxed, "SUBJECT:   "), "subject:");
    EXPECT_EQ(canonicalize_header(Canonicalization::relaxed, "Subject:a\r\n \r\n b"), "subject:a b");
    EXPECT_EQ(canonicalize_header(Canonicalization::relaxed, "X-Empty:"), "x-empty:");
    EXPECT_EQ(canonicalize_header(Canonicalization::relaxed, "To: \t a@example.com ,\r\n\tb@example.com"),
              "to:a@example.com , b@example.com");
}

// RFC 6376 section 3.4.5, both examples, body part.
TEST(DkimCanonicalization, RelaxedBodyRfcExample)
{
    EXPECT_EQ(canonical_body(Canonicalization::relaxed, " C \r\nD \t E\r\n\r\n\r\n", 1 << 10), " C\r\nD E\r\n");
}

TEST(DkimCanonicalization, SimpleBodyRfcExample)
{
    EXPECT_EQ(canonical_body(Canonicalization::simple, " C \r\nD \t E\r\n\r\n\r\n", 1 << 10),
              " C \r\nD \t E\r\n");
}

TEST(DkimCanonicalization, BodyEmptyAndBlankLines)
{
    EXPECT_EQ(canonical_body(Canonicalization::simple, "", 1), "\r\n");
    EXPECT_EQ(canonical_body(Canonicalization::simple, "\r\n\r\n\r\n", 1), "\r\n");
    EXPECT_EQ(canonical_body(Canonicalization::relaxed, "", 1), "");
    EXPECT_EQ(canonical_body(Canonicalization::relaxed, "\r\n \t \r\n\r\n", 1), "");
    // Blank lines between text lines stay. A line of white space is kept by
    // simple and becomes an empty line under relaxed.
    EXPECT_EQ(canonical_body(Canonicalization::simple, "a\r\n \r\n\r\nb\r\n \r\n", 1), "a\r\n \r\n\r\nb\r\n \r\n");
    EXPECT_EQ(canonical_body(Canonicalization::relaxed, "a\r\n \r\n\r\nb\r\n \r\n", 1), "a\r\n\r\n\r\nb\r\n");
}

TEST(DkimCanonicalization, BodyChunkBoundariesDoNotMatter)
{
    const std::string body = "  lead\t \r\n\r\nx  y \t z\r\n \r\n\r\n\tend \r\n\r\n";
    for (Canonicalization method : {Canonicalization::simple, Canonicalization::relaxed}) {
        std::string whole = canonical_body(method, body, body.size());
        for (size_t chunk = 1; chunk < 8; ++chunk)
            EXPECT_EQ(canonical_body(method, body, chunk), whole) << "chunk size " << chunk;
    }
}

TEST(DkimCanonicalization, LineEndsNormalizedLikeSmtp)
{
    LineEndNormalizer normalizer;
    std::string out;
    for (char c : std::string("a\nb\rc\r\n\r\rd"))
        normalizer.normalize(std::string_view(&c, 1), out);
    normalizer.finish(out);
    EXPECT_EQ(out, "a\r\nb\r\nc\r\n\r\n\r\nd\r\n");

    LineEndNormalizer empty;
    std::string nothing;
    empty.finish(nothing);
    EXPECT_EQ(nothing, "");
}

TEST(DkimCanonicalization, BodyMatchesByteByByteVersion)
{
    std::mt19937 generator(11);
    for (size_t size = 0; size <= 200; ++size) {
        for (int round = 0; round < 5; ++round) {
            std::string body = reference_normalized(random_text(generator, size));
            for (Canonicalization method : {Canonicalization::simple, Canonicalization::relaxed}) {
                std::string expected = reference_canonical_body(method, body);
                for (size_t chunk : {size_t{1}, size_t{3}, size_t{16}, body.size() + 1})
                    ASSERT_EQ(canonical_body(method, body, chunk), expected)
                        << "chunk size " << chunk << ", body: " << body;
            }
        }
    }
}

TEST(DkimCanonicalization, NormalizerMatchesByteByByteVersion)
{
    std::mt19937 generator(12);
    for (size_t size = 0; size <= 200; ++size) {
        for (int round = 0; round < 5; ++round) {
            std::string message = random_text(generator, size);
            std::string expected = reference_normalized(message);
            for (size_t chunk : {size_t{1}, size_t{2}, size_t{7}, message.size() + 1}) {
                LineEndNormalizer normalizer;
                std::string out;
                for (size_t i = 0; i < message.size(); i += chunk)
                    normalizer.normalize(std::string_view(message).substr(i, chunk), out);
                normalizer.finish(out);
                ASSERT_EQ(out, expected) << "chunk size " << chunk << ", message: " << message;
            }
        }
    }
}

TEST(DkimCanonicalization, SplitterFindsEmptyLineAcrossChunks)
{
    const std::string message = "From: a\r\nTo: b\r\n\r\nbody\r\n";
    for (size_t chunk = 1; chunk <= message.size(); ++chunk) {
        MessageSplitter splitter;
        std::string body;
        for (size_t i = 0; i < message.size(); i += chunk)
            body += std::string(splitter.feed(std::string_view(message).substr(i, chunk)));
        EXPECT_EQ(splitter.header_block(), "From: a\r\nTo: b\r\n") << "chunk size " << chunk;
        EXPECT_EQ(body, "body\r\n") << "chunk size " << chunk;
    }
}

TEST(DkimCanonicalization, SplitterWithoutHeadersOrBody)
{
    MessageSplitter no_headers;
    EXPECT_EQ(no_headers.feed("\r\nbody\r\n"), "body\r\n");
    EXPECT_EQ(no_headers.header_block(), "");

    MessageSplitter no_body;
    EXPECT_EQ(no_body.feed("From: a\r\n"), "");
    EXPECT_FALSE(no_body.in_body());
    EXPECT_EQ(no_body.header_block(), "From: a\r\n");
}

// Known values: SHA-256 of "\r\n" (simple) and of "" (relaxed), as printed
// by `openssl dgst -sha256 -binary | base64`.
TEST(DkimBodyHash, EmptyBodyKnownValues)
{
    Options simple = ed25519_options();
    simple.body_canonicalization = "simple";
    EXPECT_EQ(tags(sign_in_chunks(Signer(simple), "From: a@example.com\r\n\r\n"))["bh"],
              "frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=");
    EXPECT_EQ(tags(sign_in_chunks(Signer(simple), "From: a@example.com\r\n"))["bh"],
              "frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=");

    Signer relaxed(ed25519_options());
    EXPECT_EQ(tags(sign_in_chunks(relaxed, "From: a@example.com\r\n\r\n"))["bh"],
              "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    EXPECT_EQ(tags(sign_in_chunks(relaxed, "From: a@example.com\r\n\r\n\r\n \r\n"))["bh"],
              "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}

// Both values are the SHA-256 of the canonical body written out by hand, from
// `openssl dgst -sha256 -binary | base64`. The simple one is also the bh= in
// dkimpy 1.1.4's dkim/tests/data/rfc6376.signed.msg.
TEST(DkimBodyHash, RfcMessageKnownValues)
{
    Options simple = ed25519_options();
    simple.body_canonicalization = "simple";
    EXPECT_EQ(tags(sign_in_chunks(Signer(simple), kRfcMessage + "\r\n"))["bh"],
              "4bLNXImK9drULnmePzZNEBleUanJCX5PIsDIFoH4KTQ=");
    EXPECT_EQ(tags(sign_in_chunks(Signer(ed25519_options()), kRfcMessage))["bh"],
              "2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=");
}

// Ed25519 is deterministic, so a known-answer test pins down RFC 8463
// section 3: PureEdDSA over the SHA-256 of the data. The key is the secret
// key of RFC 8032 section 7.1 TEST 1. The expected b= value is from the test
// data of dkimpy 1.1.4 (dkim/tests/data/rfc6376.signed.msg), and PyNaCl
// reproduces it from this key and data.
TEST(DkimKey, Ed25519KnownAnswer)
{
    std::string seed = *base64_decode("nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=");
    KeyPointer key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                                reinterpret_cast<const unsigned char *>(seed.data()), seed.size()),
                   EVP_PKEY_free);
    ASSERT_TRUE(key);
    PrivateKey private_key(Secret(private_pem(key.get())), Secret(), Algorithm::ed25519_sha256);

    std::string data =
        "From: Joe SixPack <joe@football.example.com>\r\n"
        "To: Suzie Q <suzie@shopping.example.net>\r\n"
        "Subject: Is dinner ready?\r\n"
        "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n"
        "Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n"
        "DKIM-Signature: v=1; a=ed25519-sha256; c=simple/simple; \r\n"
        " d=football.example.com; i=@football.example.com; \r\n"
        " q=dns/txt; s=brisbane; t=1518460054; h=from : to : \r\n"
        " subject : date : message-id : from : subject : date; \r\n"
        " bh=4bLNXImK9drULnmePzZNEBleUanJCX5PIsDIFoH4KTQ=; \r\n"
        " b=";
    EXPECT_EQ(base64_encode(private_key.sign(data)),
              "9/dsDChY0YMTtD5Eyw3wx7x22BlSJP7M5ECbJ7GWrR45nXlTCGb8l0YBo0wBLR++X5LqmsxXaOYLLJe46l10AQ==");
}

// The expected signed data is written out by hand here, so this checks
// header selection, canonicalization and the signature together.
TEST(DkimSigner, HeaderSelectionBottomUp)
{
    Options options = ed25519_options();
    options.headers = {"From", "X-Tag", "Subject", "To"};
    Signer signer(options);
    std::string field = sign_in_chunks(signer,
                                       "From: a@example.com\r\n"
                                       "X-Tag: first\r\n"
                                       "Subject:  Hi \r\n"
                                       "X-Tag: second\r\n"
                                       "\r\n"
                                       "Hello\r\n");
    std::map<std::string, std::string> values = tags(field);
    EXPECT_EQ(values["h"], "from:x-tag:x-tag:subject");
    EXPECT_EQ(values["bh"], "Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=");

    std::string data =
        "from:a@example.com\r\n"
        "x-tag:second\r\n"
        "x-tag:first\r\n"
        "subject:Hi\r\n"
        "dkim-signature:v=1; a=ed25519-sha256; c=relaxed/relaxed; d=example.com; s=sel; t=1700000000; "
        "h=from:x-tag:x-tag:subject; bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=";
    EXPECT_TRUE(verify(ed25519_key(), data, values["b"]));
}

TEST(DkimSigner, DefaultHeadersOnlyThosePresent)
{
    Signer signer(ed25519_options());
    std::string field = sign_in_chunks(signer,
                                       "Received: by relay\r\n"
                                       "Subject: s\r\n"
                                       "from: a@example.com\r\n"
                                       "X-Other: 1\r\n"
                                       "MIME-Version: 1.0\r\n"
                                       "\r\n"
                                       "x\r\n");
    EXPECT_EQ(tags(field)["h"], "from:subject:mime-version");
}

TEST(DkimSigner, RelaxedSignatureVerifies)
{
    Signer signer(rsa_options());
    std::string field = sign_in_chunks(signer, "From: a@example.com\r\nSubject: Hi\r\n\r\nHello  world \r\n\r\n");
    std::map<std::string, std::string> values = tags(field);
    EXPECT_EQ(values["bh"], "yGIXoM91E1DiKjvCBcC8NlWyw54TdfMQ08sdtwtOO4I=");
    std::string data =
        "from:a@example.com\r\n"
        "subject:Hi\r\n"
        "dkim-signature:v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=sel; t=1700000000; "
        "h=from:subject; bh=yGIXoM91E1DiKjvCBcC8NlWyw54TdfMQ08sdtwtOO4I=; b=";
    EXPECT_TRUE(verify(rsa_key(), data, values["b"]));
    EXPECT_FALSE(verify(rsa_key(), data + " ", values["b"]));
}

// With simple header canonicalization the signed DKIM-Signature field is
// the exact text in front of the b= value, line breaks included.
TEST(DkimSigner, SimpleSignatureVerifies)
{
    Options options = ed25519_options();
    options.header_canonicalization = "simple";
    options.body_canonicalization = "simple";
    Signer signer(options);
    const std::string headers = "From: a@example.com\r\nSubject:  Hi \r\n";
    std::string field = sign_in_chunks(signer, headers + "\r\nHello  world \r\n\r\n");
    std::map<std::string, std::string> values = tags(field);
    EXPECT_EQ(values["c"], "simple/simple");
    EXPECT_EQ(values["bh"], "3XrLra+YrMrCDAD5OzZHThKfIC40lXy+/jRzBpC30nI=");
    std::string unsigned_field = field.substr(0, field.find("b=", field.find("bh=") + 3) + 2);
    EXPECT_TRUE(verify(ed25519_key(), headers + unsigned_field, values["b"]));
}

TEST(DkimSigner, OneByteAtATimeSameAsWhole)
{
    const std::string message =
        "From: Sender <a@example.com>\r\n"
        "Subject: a long subject that is folded\r\n"
        "\tonto a second line  \r\n"
        "To: b@example.org\r\n"
        "\r\n"
        "  body with  spaces \t\r\n"
        "\r\n"
        "last line\r\n"
        "\r\n\r\n";
    for (Options options : {rsa_options(), ed25519_options()}) {
        for (const char *body : {"relaxed", "simple"}) {
            options.body_canonicalization = body;
            options.header_canonicalization = body;
            Signer signer(options);
            std::string whole = sign_in_chunks(signer, message);
            EXPECT_EQ(sign_in_chunks(signer, message, 1), whole) << options.algorithm << " " << body;
            EXPECT_EQ(sign_in_chunks(signer, message, 3), whole) << options.algorithm << " " << body;
            EXPECT_EQ(sign_in_chunks(signer, message, 7), whole) << options.algorithm << " " << body;
        }
    }
}

TEST(DkimSigner, BareLineEndsSignedAsCrlf)
{
    Signer signer(ed25519_options());
    std::string crlf = sign_in_chunks(signer, "From: a@example.com\r\nSubject: x\r\n\r\nline 1\r\nline 2\r\n");
    EXPECT_EQ(sign_in_chunks(signer, "From: a@example.com\nSubject: x\n\nline 1\nline 2\n"), crlf);
    EXPECT_EQ(sign_in_chunks(signer, "From: a@example.com\nSubject: x\n\nline 1\nline 2\n", 1), crlf);
    EXPECT_EQ(sign_in_chunks(signer, "From: a@example.com\rSubject: x\r\rline 1\rline 2\r"), crlf);
    // The SMTP layer ends an unterminated last line with CRLF.
    EXPECT_EQ(sign_in_chunks(signer, "From: a@example.com\nSubject: x\n\nline 1\nline 2"), crlf);
}

TEST(DkimSigner, FoldedFieldFormat)
{
    Options options = rsa_options();
    options.headers = {"From",     "To",         "Cc",           "Subject",     "Date",       "Message-ID",
                       "X-Header-One", "X-Header-Two", "X-Header-Three", "X-Header-Four", "X-Header-Five"};
    options.identity = "crm@mail.example.com";
    options.expiration_seconds = 3600;
    Signer signer(options);
    std::string message;
    for (const std::string &name : options.headers)
        message += name + ": value\r\n";
    message += "\r\nbody\r\n";
    std::string field = sign_in_chunks(signer, message);

    ASSERT_GE(field.size(), 2u);
    EXPECT_EQ(field.compare(0, 22, "DKIM-Signature: v=1; a"), 0) << field;
    EXPECT_EQ(field.substr(field.size() - 2), "\r\n");
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < field.size()) {
        size_t end = field.find("\r\n", start);
        lines.push_back(field.substr(start, end - start));
        start = end + 2;
    }
    ASSERT_GT(lines.size(), 3u);
    for (size_t i = 0; i < lines.size(); ++i) {
        EXPECT_LE(lines[i].size(), 78u) << lines[i];
        if (i > 0) {
            EXPECT_EQ(lines[i][0], ' ') << lines[i];
        }
        EXPECT_EQ(lines[i].find('\r'), std::string::npos);
        EXPECT_EQ(lines[i].find('\n'), std::string::npos);
    }
    bool has_b_line = std::any_of(lines.begin(), lines.end(),
                                  [](const std::string &line) { return line.compare(0, 3, " b=") == 0; });
    EXPECT_TRUE(has_b_line);

    std::vector<std::string> expected_order = {"v", "a", "c", "d", "s", "t", "x", "i", "h", "bh", "b"};
    EXPECT_EQ(tag_order(field), expected_order);
    std::map<std::string, std::string> values = tags(field);
    EXPECT_EQ(values["t"], "1700000000");
    EXPECT_EQ(values["x"], "1700003600");
    EXPECT_EQ(values["i"], "crm@mail.example.com");
    EXPECT_EQ(values["h"], "from:to:cc:subject:date:message-id:x-header-one:x-header-two:x-header-three:"
                           "x-header-four:x-header-five");
    EXPECT_EQ(base64_decode(values["b"])->size(), 256u);
}

TEST(DkimSigner, IdentityEncodedAsQuotedPrintable)
{
    Options options = ed25519_options();
    options.identity = "a=b@example.com";
    EXPECT_EQ(tags(sign_in_chunks(Signer(options), "From: a@example.com\r\n\r\n"))["i"], "a=3Db@example.com");
    options.identity = "@news.example.com";
    EXPECT_EQ(tags(sign_in_chunks(Signer(options), "From: a@example.com\r\n\r\n"))["i"], "@news.example.com");
}

TEST(DkimSigner, MissingFromRejected)
{
    Signer signer(ed25519_options());
    EXPECT_THROW(sign_in_chunks(signer, "To: b@example.com\r\n\r\nbody\r\n"), mime::InvalidInput);
    EXPECT_THROW(sign_in_chunks(signer, "\r\nFrom: a@example.com\r\n"), mime::InvalidInput);
    EXPECT_THROW(sign_in_chunks(signer, ""), mime::InvalidInput);
}

TEST(DkimSigner, SignAllSignsOriginalMessage)
{
    Signer rsa(rsa_options());
    Signer ed25519(ed25519_options());
    const std::string message = "From: a@example.com\r\nSubject: both\r\n\r\nbody\r\n";
    int opened = 0;
    std::string fields = sign_all({&rsa, &ed25519}, [&]() {
        ++opened;
        return std::make_unique<ChunkedSource>(message, 5);
    });
    EXPECT_EQ(opened, 2);
    EXPECT_EQ(fields, sign_in_chunks(rsa, message) + sign_in_chunks(ed25519, message));
}

TEST(DkimSigner, AccessorsForDisplay)
{
    Options options = ed25519_options();
    options.domain = "Example.COM";
    options.header_canonicalization = "simple";
    options.identity = "@example.com";
    Signer signer(options);
    EXPECT_EQ(signer.domain(), "Example.COM");
    EXPECT_EQ(signer.selector(), "sel");
    EXPECT_STREQ(signer.algorithm(), "ed25519-sha256");
    EXPECT_EQ(signer.canonicalization(), "simple/relaxed");
    EXPECT_EQ(signer.identity(), "@example.com");
    EXPECT_EQ(signer.headers().front(), "from");
}

namespace {

// Expect the options to be rejected with a message that contains
// expected_text and none of the secrets.
void expect_rejected(const Options &options, const std::string &expected_text,
                     const std::vector<std::string> &secrets = {})
{
    try {
        Signer signer(options);
        ADD_FAILURE() << "accepted; expected an error containing " << expected_text;
    } catch (const mime::InvalidInput &error) {
        std::string message = error.what();
        EXPECT_NE(message.find(expected_text), std::string::npos) << message;
        for (const std::string &secret : secrets)
            EXPECT_EQ(message.find(secret), std::string::npos) << "message shows a secret: " << message;
    }
}

// A line from the middle of a PEM block, which is key material.
std::string pem_body_line(const std::string &pem)
{
    size_t start = pem.find('\n') + 1;
    return pem.substr(start, pem.find('\n', start) - start);
}

}  // namespace

TEST(DkimKey, WrongPassphraseRejected)
{
    std::string pem = private_pem(ed25519_key(), "correct horse");
    Options options = ed25519_options();
    options.private_key = Secret(pem);
    options.passphrase = Secret("wrong battery");
    expect_rejected(options, "passphrase is wrong", {"wrong battery", "correct horse", pem_body_line(pem)});

    options.passphrase = Secret();
    expect_rejected(options, "encrypted and no passphrase", {pem_body_line(pem)});

    options.passphrase = Secret("correct horse");
    EXPECT_NO_THROW(Signer signer(options));
}

TEST(DkimKey, WrongKeyTypeRejected)
{
    Options options = ed25519_options();
    options.private_key = Secret(private_pem(rsa_key()));
    expect_rejected(options, "of type RSA, but algorithm ed25519-sha256 needs an Ed25519 key",
                    {pem_body_line(private_pem(rsa_key()))});

    options = rsa_options();
    options.private_key = Secret(private_pem(ed25519_key()));
    expect_rejected(options, "of type Ed25519, but algorithm rsa-sha256 needs an RSA key",
                    {pem_body_line(private_pem(ed25519_key()))});

    KeyPointer ec = generate_key(EVP_PKEY_EC);
    if (ec) {
        options.private_key = Secret(private_pem(ec.get()));
        expect_rejected(options, "of type EC");
    }
}

TEST(DkimKey, GarbageAndPublicKeysRejected)
{
    Options options = ed25519_options();
    options.private_key = Secret("MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g");
    expect_rejected(options, "not PEM text", {"MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v"});

    options.private_key = Secret("-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----\n");
    expect_rejected(options, "contains no valid private key", {"not base64 at all"});

    options.private_key = Secret(public_pem(ed25519_key()));
    expect_rejected(options, "contains no valid private key", {pem_body_line(public_pem(ed25519_key()))});

    options.private_key = Secret();
    expect_rejected(options, "the key is empty");
}

TEST(DkimKey, ShortRsaKeyRejected)
{
    KeyPointer small = generate_key(EVP_PKEY_RSA, 512);
    ASSERT_TRUE(small);
    Options options = rsa_options();
    options.private_key = Secret(private_pem(small.get()));
    expect_rejected(options, "the RSA key has 512 bits; DKIM needs at least 1024");

    KeyPointer minimum = generate_key(EVP_PKEY_RSA, 1024);
    ASSERT_TRUE(minimum);
    options.private_key = Secret(private_pem(minimum.get()));
    EXPECT_NO_THROW(Signer signer(options));
}

TEST(DkimOptions, InvalidValuesRejected)
{
    Options options = ed25519_options();
    options.domain = "exa mple.com";
    expect_rejected(options, "exa mple.com");
    options.domain = "[127.0.0.1]";
    expect_rejected(options, "not an address literal");

    options = ed25519_options();
    options.selector = "bad_selector";
    expect_rejected(options, "invalid DKIM selector \"bad_selector\"");
    options.selector = "-sel";
    expect_rejected(options, "invalid DKIM selector");
    options.selector = "a..b";
    expect_rejected(options, "empty label");
    options.selector = "2024.mail";
    EXPECT_NO_THROW(Signer signer(options));

    options = ed25519_options();
    options.algorithm = "rsa-sha1";
    expect_rejected(options, "RFC 8301");
    options.algorithm = "ed25519";
    expect_rejected(options, "invalid DKIM algorithm \"ed25519\"");

    options = ed25519_options();
    options.header_canonicalization = "nofws";
    expect_rejected(options, "invalid DKIM header canonicalization \"nofws\"");
    options = ed25519_options();
    options.body_canonicalization = "Relaxed";
    expect_rejected(options, "invalid DKIM body canonicalization");

    options = ed25519_options();
    options.headers = {"To", "Subject"};
    expect_rejected(options, "must include From");
    options.headers = {"From", "Subject", "subject"};
    expect_rejected(options, "twice");
    options.headers = {"From", "Bad Name"};
    expect_rejected(options, "invalid header name \"Bad Name\"");

    options = ed25519_options();
    options.identity = "user@example.org";
    expect_rejected(options, "must be example.com or a subdomain");
    options.identity = "user@notexample.com";
    expect_rejected(options, "must be example.com or a subdomain");
    options.identity = "example.com";
    expect_rejected(options, "use an address");
    options.identity = "Name <user@example.com>";
    expect_rejected(options, "without a display name");

    options = ed25519_options();
    options.expiration_seconds = -1;
    expect_rejected(options, "invalid DKIM expiration -1");
}

// A bad option is reported before the key is touched, so the message is
// about the option even when the key is garbage too.
TEST(DkimOptions, OptionErrorsBeforeKeyErrors)
{
    Options options = ed25519_options();
    options.private_key = Secret("garbage");
    options.selector = "";
    expect_rejected(options, "invalid DKIM selector");
}
