#include "smtp/hints.h"

#include <algorithm>
#include <cctype>

namespace mailbridge::smtp {

const char *const connect_hint =
    "the host may block outbound SMTP ports or the server may be down: try port 587 "
    "(or 465 with 'security' => 'tls'), or ask the hosting provider to open the port";

const char *const plaintext_auth_refused = "refusing to send credentials over an unencrypted connection";

const char *const no_auth_over_tls_hint =
    "this port does not accept authentication: use the submission port 587 with STARTTLS or port 465 "
    "with implicit TLS";
const char *const no_auth_without_tls_hint =
    "many servers offer AUTH only after STARTTLS: use STARTTLS on port 587 or implicit TLS on port 465";

namespace {

bool contains_nocase(const std::string &text, const std::string &needle)
{
    auto it = std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) ==
                                                      std::tolower(static_cast<unsigned char>(b)); });
    return it != text.end();
}

}  // namespace

std::string reply_hint(Stage stage, int code, const std::string &enhanced, const std::string &text)
{
    if (enhanced == "5.7.139")
        return "SMTP AUTH is disabled for this Microsoft 365 tenant or mailbox: enable it for the mailbox "
               "or sign in with OAuth2 ('oauth_token' with XOAUTH2)";
    if (enhanced == "5.7.9" || (code == 534 && contains_nocase(text, "application-specific")))
        return "the provider requires an App Password (or OAuth2) instead of the account password";
    if (code == 421 && contains_nocase(text, "TLS 1.0"))
        return "the server requires TLS 1.2 or newer; mailbridge already uses TLS 1.2 as the minimum, "
               "so check for a TLS-intercepting proxy";
    if (code == 530 && (enhanced == "5.7.0" || contains_nocase(text, "STARTTLS")))
        return "the server requires STARTTLS before this command: use 'security' => 'starttls' (port 587) "
               "or 'tls' (port 465)";
    if (code == 535 || enhanced == "5.7.8")
        return "the user name or password was rejected: check them, and whether the provider needs an "
               "App Password or OAuth2";
    if (code == 550 && enhanced == "5.7.1" && stage == Stage::rcpt)
        return "relaying denied: authenticate with 'username' and 'password', or send through a server "
               "that accepts mail for this recipient";
    if (code == 554 && enhanced == "5.7.1" && stage == Stage::rcpt)
        return "relaying denied: authenticate with 'username' and 'password', or send through a server "
               "that accepts mail for this recipient";
    if (code == 552 || enhanced == "5.3.4")
        return "the message is larger than the server accepts: reduce attachments or ask for a higher limit";
    if (code == 421)
        return "the server is closing the connection: retry later";
    if (code == 454 && stage == Stage::tls)
        return "the server cannot start TLS now: retry later, or use 'security' => 'tls' on port 465";
    return {};
}

}  // namespace mailbridge::smtp
