#include "imap/quote.h"

#include <cstring>

namespace mailbridge::imap {

namespace {

// ASTRING-CHAR of RFC 3501: printable US-ASCII except the atom-specials,
// with ']' allowed.
bool is_astring_char(unsigned char c)
{
    return c > 0x20 && c < 0x7f && std::strchr("(){%*\"\\", c) == nullptr;
}

// TEXT-CHAR of RFC 3501, the bytes a quoted string may carry: %x01-7F except CR and LF.
bool is_quotable(unsigned char c)
{
    return c >= 0x01 && c <= 0x7f && c != '\r' && c != '\n';
}

bool is_nil(std::string_view value)
{
    return value.size() == 3 && (value[0] == 'N' || value[0] == 'n') && (value[1] == 'I' || value[1] == 'i') &&
           (value[2] == 'L' || value[2] == 'l');
}

}  // namespace

QuotedArgument quote_argument(std::string_view value, LiteralSupport literal_support, bool allow_atom)
{
    bool atom = allow_atom && !value.empty() && !is_nil(value);
    bool quotable = true;
    for (unsigned char c : value) {
        if (!is_astring_char(c))
            atom = false;
        if (!is_quotable(c)) {
            quotable = false;
            break;
        }
    }

    QuotedArgument argument;
    if (atom) {
        argument.form = ArgumentForm::atom;
        argument.text = std::string(value);
        return argument;
    }

    if (quotable) {
        argument.form = ArgumentForm::quoted;
        argument.text.reserve(value.size() + 2);
        argument.text += '"';
        for (char c : value) {
            if (c == '"' || c == '\\')
                argument.text += '\\';
            argument.text += c;
        }
        argument.text += '"';
        return argument;
    }

    argument.form = ArgumentForm::literal;
    argument.non_synchronizing = literal_support == LiteralSupport::literal_plus ||
                                 (literal_support == LiteralSupport::literal_minus &&
                                  value.size() <= literal_minus_max_size);
    argument.text = "{" + std::to_string(value.size()) + (argument.non_synchronizing ? "+}" : "}");
    argument.literal = std::string(value);
    return argument;
}

}  // namespace mailbridge::imap
