// Debug output targets of PHPMailer's SMTP::edebug(), for
// MailBridge\SmtpConnection: a PSR-3 logger, a callable, "error_log",
// "html" or "echo", each with PHPMailer's formatting.
#include "php/debug_output.h"

extern "C" {
#include "ext/standard/html.h"
}

#include <ctime>

namespace mailbridge::php {

namespace {

std::string gmdate_now()
{
    char buffer[32];
    time_t now = time(nullptr);
    struct tm parts;
    gmtime_r(&now, &parts);
    strftime(buffer, sizeof(buffer), "%Y-%m-%d %H:%M:%S", &parts);
    return buffer;
}

std::string replace_all(std::string text, const std::string &from, const std::string &to)
{
    size_t position = 0;
    while ((position = text.find(from, position)) != std::string::npos) {
        text.replace(position, from.size(), to);
        position += to.size();
    }
    return text;
}

// PHPMailer's SMTP::edebug() output for "echo": a UTC time stamp, a tab,
// and the trimmed text with continuation lines indented.
void write_echo(const std::string &text)
{
    std::string normal = replace_all(replace_all(text, "\r\n", "\n"), "\r", "\n");
    std::string body = php_trim(replace_all(php_trim(normal), "\n", "\n                   \t                  "));
    std::string out = gmdate_now() + "\t" + body + "\n";
    PHPWRITE(out.data(), out.size());
}

void write_html(const std::string &text)
{
    std::string flat;
    for (char c : text) {
        if (c != '\r' && c != '\n')
            flat += c;
    }
    zend_string *escaped = php_escape_html_entities(reinterpret_cast<const unsigned char *>(flat.data()),
                                                    flat.size(), 1, ENT_QUOTES, "UTF-8");
    std::string out = gmdate_now() + " " + std::string(ZSTR_VAL(escaped), ZSTR_LEN(escaped)) + "<br>\n";
    zend_string_release(escaped);
    PHPWRITE(out.data(), out.size());
}

bool is_named_output(zval *output, const char *name)
{
    return Z_TYPE_P(output) == IS_STRING && strcmp(Z_STRVAL_P(output), name) == 0;
}

}  // namespace

std::string php_trim(const std::string &text)
{
    const char *blank = " \t\n\r\v";
    size_t first = text.find_first_not_of(std::string(blank) + '\0');
    if (first == std::string::npos)
        return {};
    size_t last = text.find_last_not_of(std::string(blank) + '\0');
    return text.substr(first, last - first + 1);
}

bool deliver_debug_line(zval *output, const std::string &text, int level)
{
    zval argument[2], result;
    ZVAL_STRINGL(&argument[0], text.data(), text.size());
    ZVAL_LONG(&argument[1], level);
    ZVAL_UNDEF(&result);
    zend_string *logger_name = zend_string_init("Psr\\Log\\LoggerInterface",
                                                sizeof("Psr\\Log\\LoggerInterface") - 1, 0);
    zend_class_entry *logger = zend_lookup_class_ex(logger_name, nullptr, ZEND_FETCH_CLASS_NO_AUTOLOAD);
    zend_string_release(logger_name);
    bool named = is_named_output(output, "echo") || is_named_output(output, "html") ||
                 is_named_output(output, "error_log");
    if (logger != nullptr && Z_TYPE_P(output) == IS_OBJECT && instanceof_function(Z_OBJCE_P(output), logger)) {
        zend_call_method_with_1_params(Z_OBJ_P(output), Z_OBJCE_P(output), nullptr, "debug", &result, &argument[0]);
    } else if (!named && zend_is_callable(output, 0, nullptr)) {
        call_user_function(nullptr, nullptr, output, &result, 2, argument);
    } else if (is_named_output(output, "error_log")) {
        php_log_err(Z_STRVAL(argument[0]));
    } else if (is_named_output(output, "html")) {
        write_html(text);
    } else {
        write_echo(text);
    }
    zval_ptr_dtor(&argument[0]);
    zval_ptr_dtor(&result);
    return EG(exception) == nullptr;
}

}  // namespace mailbridge::php
