#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mime/address.h"

using mailbridge::mime::Address;
using mailbridge::mime::check_header;
using mailbridge::mime::domain_to_ascii;
using mailbridge::mime::InvalidInput;
using mailbridge::mime::make_address;
using mailbridge::mime::parse_address;
using mailbridge::mime::quote_for_error;

namespace {

// The message of the InvalidInput that parse_address throws, or "" when it
// accepts the text.
std::string parse_error(const std::string &text)
{
    try {
        parse_address(text);
    } catch (const InvalidInput &error) {
        return error.what();
    }
    return "";
}

struct ValidCase {
    std::string input;
    std::string addr_spec;
    std::string display_name;
    std::string local_part;
};

struct InvalidCase {
    std::string input;
    std::string reason;  // expected in the error message
};

}  // namespace

TEST(MimeAddress, ParsesValidAddresses)
{
    const std::string local64(64, 'a');
    // "a@" and a 252-octet domain: 254 octets, the maximum.
    const std::string label63(63, 'b');
    const std::string domain_for_254 = label63 + "." + label63 + "." + label63 + "." + std::string(60, 'c');
    const std::vector<ValidCase> cases = {
        {"user@example.test", "user@example.test", "", "user"},
        {"  user@example.test\t", "user@example.test", "", "user"},
        {"<user@example.test>", "user@example.test", "", "user"},
        {"User Name <user@example.test>", "user@example.test", "User Name", "user"},
        {"\"Doe, Jane\" <jane@example.test>", "jane@example.test", "Doe, Jane", "jane"},
        {"Jane \"Q\" Doe <jane@example.test>", "jane@example.test", "Jane Q Doe", "jane"},
        {"\"Quoted <Name>\" <q@example.test>", "q@example.test", "Quoted <Name>", "q"},
        {"\"Back\\\\slash \\\"q\\\"\" <b@example.test>", "b@example.test", "Back\\slash \"q\"", "b"},
        {"first.last+tag@sub.example.test", "first.last+tag@sub.example.test", "", "first.last+tag"},
        {"!#$%&'*+-/=?^_`{|}~@example.test", "!#$%&'*+-/=?^_`{|}~@example.test", "", "!#$%&'*+-/=?^_`{|}~"},
        {"\"john doe\"@example.test", "\"john doe\"@example.test", "", "john doe"},
        {"\"john.doe\"@example.test", "john.doe@example.test", "", "john.doe"},
        {"\"a\\\"b\"@example.test", "\"a\\\"b\"@example.test", "", "a\"b"},
        {"\"a@b\"@example.test", "\"a@b\"@example.test", "", "a@b"},
        {"user@localhost", "user@localhost", "", "user"},
        {"user@Example.TEST", "user@Example.TEST", "", "user"},
        {"user@[192.0.2.1]", "user@[192.0.2.1]", "", "user"},
        {"user@[IPv6:2001:db8::1]", "user@[IPv6:2001:db8::1]", "", "user"},
        {"user@xn--bcher-kva.example", "user@xn--bcher-kva.example", "", "user"},
        {"user@ab--cd.example", "user@ab--cd.example", "", "user"},
        {local64 + "@example.test", local64 + "@example.test", "", local64},
        {"a@" + domain_for_254, "a@" + domain_for_254, "", "a"},
    };
    for (const ValidCase &c : cases) {
        SCOPED_TRACE(c.input);
        Address address = parse_address(c.input);
        EXPECT_EQ(address.addr_spec(), c.addr_spec);
        EXPECT_EQ(address.display_name, c.display_name);
        EXPECT_EQ(address.local_part, c.local_part);
        EXPECT_FALSE(address.needs_smtputf8());
    }
}

TEST(MimeAddress, RejectsInvalidAddresses)
{
    const std::string label63(63, 'b');
    const std::vector<InvalidCase> cases = {
        {"", "empty"},
        {"   ", "empty"},
        {"victim@example.test>\r\nRCPT TO:<attacker@example.test", "CR, LF and NUL"},
        {"user@example.test\n", "CR, LF and NUL"},
        {"user@exa\rmple.test", "CR, LF and NUL"},
        {std::string("user\0@example.test", 18), "CR, LF and NUL"},
        {"Name\r\nBcc: x@example.test <user@example.test>", "CR, LF and NUL"},
        {"userexample.test", "missing '@'"},
        {"@example.test", "local part before '@' is empty"},
        {"\"\"@example.test", "local part before '@' is empty"},
        {"user@", "domain after '@' is empty"},
        {"us<er@example.test", "'<' and '>'"},
        {"user>@example.test", "'<' and '>'"},
        {"victim@example.test>", "'<' and '>'"},
        {"<user@example.test", "'<' and '>'"},
        {"\"a<b\"@example.test", "'<' and '>'"},
        {"Name <user@example.test> trailing", "after the closing '>'"},
        {"Name <a@example.test> <c@example.test>", "'<' and '>'"},
        {"Name > <a@example.test>", "'>' before the opening '<'"},
        {"Name <user name@example.test>", "not a valid dot-atom"},
        {".user@example.test", "not a valid dot-atom"},
        {"user.@example.test", "not a valid dot-atom"},
        {"us..er@example.test", "not a valid dot-atom"},
        {"us(er@example.test", "not a valid dot-atom"},
        {"user@@example.test", "character other than"},
        {"\"unterminated@example.test", "unterminated"},
        {"\"quoted\"x@example.test", "missing '@' after the quoted local part"},
        {"\"a\tb\"@example.test", "contains a tab"},
        {"\"Name <user@example.test>", "'<' and '>'"},
        {"user@-example.test", "starts or ends with '-'"},
        {"user@example-.test", "starts or ends with '-'"},
        {"user@exa_mple.test", "character other than"},
        {"user@exa mple.test", "character other than"},
        {"user@example..test", "empty label"},
        {"user@example.test.", "empty label"},
        {"user@.example.test", "empty label"},
        {"user@" + std::string(64, 'a') + ".test", "label is longer than 63"},
        {std::string(65, 'a') + "@example.test", "local part is longer than 64"},
        {"a@" + label63 + "." + label63 + "." + label63 + "." + std::string(61, 'c'), "longer than 254"},
        {"user@[300.1.1.1]", "address literal"},
        {"user@[IPv6:zz::1]", "address literal"},
        {"user@[example]", "address literal"},
        {"user@[192.0.2.1", "address literal"},
        {"user@xn--zz.example", "IDNA conversion failed"},
        {"user@-bücher.example", "IDNA conversion failed"},
        // Transitional processing would delete U+200C and yield ab.example.
        {"user@a\u200c" "b.example", "IDNA conversion failed"},
        {"us\xff" "er@example.test", "not valid UTF-8"},
        {"user@b\xc3" ".example", "not valid UTF-8"},
    };
    for (const InvalidCase &c : cases) {
        SCOPED_TRACE(quote_for_error(c.input));
        std::string message = parse_error(c.input);
        ASSERT_FALSE(message.empty()) << "accepted";
        EXPECT_NE(message.find(c.reason), std::string::npos) << message;
    }
}

TEST(MimeAddress, ErrorNamesEscapedValue)
{
    std::string message = parse_error("victim@example.test>\r\nRCPT TO:<attacker@example.test");
    EXPECT_NE(message.find("\"victim@example.test>\\r\\nRCPT TO:<attacker@example.test\""), std::string::npos)
        << message;
    EXPECT_EQ(message.find('\r'), std::string::npos);
    EXPECT_EQ(message.find('\n'), std::string::npos);

    std::string nul_message = parse_error(std::string("us\0er@example.test", 18));
    EXPECT_NE(nul_message.find("us\\0er@example.test"), std::string::npos) << nul_message;
    EXPECT_EQ(nul_message.find('\0'), std::string::npos);
}

TEST(MimeAddress, QuoteForErrorEscapes)
{
    EXPECT_EQ(quote_for_error("plain"), "\"plain\"");
    EXPECT_EQ(quote_for_error(std::string("a\r\n\t\0b", 6)), "\"a\\r\\n\\t\\0b\"");
    EXPECT_EQ(quote_for_error("\x01\x7f"), "\"\\x01\\x7F\"");
    EXPECT_EQ(quote_for_error("say \"hi\" \\"), "\"say \\\"hi\\\" \\\\\"");
    EXPECT_EQ(quote_for_error("b\xc3\xbc" "cher"), "\"b\xc3\xbc" "cher\"");
    EXPECT_EQ(quote_for_error("bad \xff"), "\"bad \\xFF\"");

    std::string long_value(500, 'x');
    std::string quoted = quote_for_error(long_value);
    EXPECT_EQ(quoted, "\"" + std::string(200, 'x') + "\"...");
}

TEST(MimeAddress, UnicodeDomainBecomesALabel)
{
    Address address = parse_address("user@bücher.example");
    EXPECT_EQ(address.domain, "xn--bcher-kva.example");
    EXPECT_EQ(address.domain_unicode, "bücher.example");
    EXPECT_EQ(address.addr_spec(), "user@xn--bcher-kva.example");
    EXPECT_FALSE(address.needs_smtputf8());
}

TEST(MimeAddress, UnicodeDomainIsLowercased)
{
    EXPECT_EQ(parse_address("user@BÜCHER.example").domain, "xn--bcher-kva.example");
}

TEST(MimeAddress, UnicodeDomainInAngleAddress)
{
    Address address = parse_address("Jürgen Müller <j@münchen.example>");
    EXPECT_EQ(address.display_name, "Jürgen Müller");
    EXPECT_EQ(address.addr_spec(), "j@xn--mnchen-3ya.example");
}

TEST(MimeAddress, SymbolDomainUsesTransitionalFallback)
{
    // IDNA2008 disallows U+2764, UTS #46 transitional processing maps it.
    EXPECT_EQ(parse_address("user@\u2764.example").domain, "xn--qei.example");
}

TEST(MimeAddress, UnicodeLocalPartNeedsSmtputf8)
{
    Address address = parse_address("δοκιμή@example.test");
    EXPECT_EQ(address.local_part, "δοκιμή");
    EXPECT_EQ(address.addr_spec(), "δοκιμή@example.test");
    EXPECT_TRUE(address.needs_smtputf8());
}

TEST(MimeAddress, UnicodeLocalPartAndDomain)
{
    Address address = parse_address("用户@例子.广告");
    EXPECT_EQ(address.domain, "xn--fsqu00a.xn--4rr70v");
    EXPECT_EQ(address.addr_spec(), "用户@xn--fsqu00a.xn--4rr70v");
    EXPECT_TRUE(address.needs_smtputf8());
}

TEST(MimeAddress, LocalPartLimitCountsOctets)
{
    // 32 two-octet characters are 64 octets, 33 are 66.
    std::string ok;
    for (int i = 0; i < 32; ++i)
        ok += "é";
    EXPECT_NO_THROW(parse_address(ok + "@example.test"));
    EXPECT_THROW(parse_address(ok + "é@example.test"), InvalidInput);
}

TEST(MimeAddress, MakeAddressUsesGivenName)
{
    Address address = make_address("user@example.test", "Doe, Jane");
    EXPECT_EQ(address.display_name, "Doe, Jane");
    EXPECT_EQ(address.addr_spec(), "user@example.test");

    Address keeps_parsed = make_address("Parsed Name <user@example.test>", "");
    EXPECT_EQ(keeps_parsed.display_name, "Parsed Name");
}

TEST(MimeAddress, MakeAddressRejectsBadName)
{
    EXPECT_THROW(make_address("user@example.test", "Name\r\nBcc: attacker@example.test"), InvalidInput);
    EXPECT_THROW(make_address("user@example.test", std::string("Na\0me", 5)), InvalidInput);
    EXPECT_THROW(make_address("user@example.test", "bad \xc3"), InvalidInput);
    EXPECT_THROW(make_address("user@example.test\r\n", "Name"), InvalidInput);
}

TEST(MimeAddress, HeaderForm)
{
    EXPECT_EQ(parse_address("user@example.test").to_header(), "user@example.test");
    EXPECT_EQ(parse_address("User Name <user@example.test>").to_header(), "User Name <user@example.test>");
    EXPECT_EQ(make_address("user@example.test", "Doe, Jane").to_header(), "\"Doe, Jane\" <user@example.test>");
    EXPECT_EQ(make_address("user@example.test", "J. \"Q\" Doe").to_header(),
              "\"J. \\\"Q\\\" Doe\" <user@example.test>");
    EXPECT_EQ(make_address("user@bücher.example", "Jürgen").to_header(),
              "=?UTF-8?B?SsO8cmdlbg==?= <user@xn--bcher-kva.example>");
}

TEST(MimeAddress, DomainToAscii)
{
    EXPECT_EQ(domain_to_ascii("bücher.example"), "xn--bcher-kva.example");
    EXPECT_EQ(domain_to_ascii("mail.example.test"), "mail.example.test");
    EXPECT_EQ(domain_to_ascii("[192.0.2.1]"), "[192.0.2.1]");
    EXPECT_THROW(domain_to_ascii(""), InvalidInput);
    EXPECT_THROW(domain_to_ascii("bad domain"), InvalidInput);
    EXPECT_THROW(domain_to_ascii("example.test\r\nX: y"), InvalidInput);
}

TEST(MimeAddress, CheckHeaderAcceptsValid)
{
    EXPECT_NO_THROW(check_header("X-Mailer", "mailbridge"));
    EXPECT_NO_THROW(check_header("X-Empty", ""));
    EXPECT_NO_THROW(check_header("X-Tab", "a\tb"));
}

TEST(MimeAddress, CheckHeaderRejectsBadName)
{
    for (const std::string name : {"", "X Foo", "X:Foo", "X-F\xc3\xbc", "X\tFoo"}) {
        SCOPED_TRACE(quote_for_error(name));
        EXPECT_THROW(check_header(name, "value"), InvalidInput);
    }
}

TEST(MimeAddress, CheckHeaderRejectsLineBreaks)
{
    for (const std::string &value : {std::string("a\r\nBcc: x@example.test"), std::string("a\nb"),
                                    std::string("a\rb"), std::string("a\0b", 3)}) {
        SCOPED_TRACE(quote_for_error(value));
        try {
            check_header("X-Test", value);
            ADD_FAILURE() << "accepted";
        } catch (const InvalidInput &error) {
            EXPECT_NE(std::string(error.what()).find(quote_for_error(value)), std::string::npos) << error.what();
        }
    }
}
