#include "imap/errors.h"

namespace mailbridge::imap {

std::string response_hint(Stage stage, const Response &response)
{
    std::string code = response.code ? response.code->name : std::string();
    if (code == "AUTHENTICATIONFAILED" || (stage == Stage::auth && response.name == "NO" && code.empty()))
        return "the user name, password or token was rejected: check them, and whether the provider requires an "
               "App Password (Gmail, Yahoo, iCloud with two-factor sign-in) or OAuth2 (Microsoft 365, which "
               "also needs IMAP enabled for the mailbox)";
    if (code == "AUTHORIZATIONFAILED")
        return "the credentials are valid but this user may not act as the requested identity";
    if (code == "PRIVACYREQUIRED")
        return "the server accepts credentials only over TLS: use security 'tls' (port 993) or 'starttls' (port 143)";
    if (code == "EXPIRED")
        return "the password or account has expired: renew it with the provider";
    if (code == "UNAVAILABLE")
        return "the server is temporarily unable to serve this request: retry later";
    if (code == "TRYCREATE")
        return "the target mailbox does not exist: create it first";
    if (code == "NONEXISTENT")
        return "the mailbox does not exist: list the mailboxes to see their exact names";
    if (code == "ALREADYEXISTS")
        return "a mailbox with that name exists already";
    if (code == "BADCHARSET")
        return "the server cannot search with UTF-8 strings: search with ASCII text only";
    if (code == "OVERQUOTA")
        return "the mailbox is over its quota: delete or expunge messages";
    if (code == "INUSE")
        return "the mailbox or message is locked by another session: retry later";
    if (code == "NOPERM")
        return "this user lacks the right for the operation on this mailbox";
    if (code == "LIMIT")
        return "the request exceeds a server limit: use smaller batches";
    if (code == "CANNOT")
        return "the server can never perform this operation, for example on a mailbox name it reserves";
    if (stage == Stage::select && response.name == "NO" && code.empty())
        return "the mailbox may not exist or may not be selectable: check the name with LIST";
    return {};
}

Error response_error(Stage stage, const std::string &command, const Response &response)
{
    std::string code_text;
    if (response.code) {
        code_text = "[" + response.code->name;
        if (!response.code->raw_arguments.empty())
            code_text += " " + response.code->raw_arguments;
        code_text += "] ";
    }
    std::string text = censor(response.text, 1024);
    ErrorKind kind = ErrorKind::server_reply;
    if (response.name == "BYE")
        kind = ErrorKind::connection;
    else if (stage == Stage::auth)
        kind = ErrorKind::authentication;

    std::string message = response.name == "BYE"
                              ? "the server closed the connection during " + std::string(stage_name(stage)) + ": BYE "
                              : command + " failed: " + response.name + " ";
    Error error(kind, stage, message + censor(code_text, 256) + text);
    error.command = command;
    error.server_text = text;
    error.response_status = response.name;
    if (response.code) {
        error.response_code = censor(response.code->name, 64);
        error.response_code_arguments = censor(response.code->raw_arguments, 256);
    }
    std::string code = response.code ? response.code->name : std::string();
    error.transient = response.name == "BYE" || code == "UNAVAILABLE" || code == "INUSE";
    error.hint = response_hint(stage, response);
    return error;
}

}  // namespace mailbridge::imap
