// Quoting of IMAP command arguments (RFC 3501 section 4.3, RFC 7888 for
// LITERAL+ and LITERAL-): pick the shortest form that carries a string
// unchanged.
#ifndef MAILBRIDGE_IMAP_QUOTE_H
#define MAILBRIDGE_IMAP_QUOTE_H

#include <cstddef>
#include <string>
#include <string_view>

namespace mailbridge::imap {

// Support for non-synchronizing literals "{n+}", as the server's
// capabilities announce it.
enum class LiteralSupport {
    none,           // only "{n}", each sent after a "+" continuation request
    literal_minus,  // LITERAL-: "{n+}" up to 4096 octets
    literal_plus,   // LITERAL+: "{n+}" of any size
};

// Largest literal that LITERAL- allows to be non-synchronizing (RFC 7888).
constexpr size_t literal_minus_max_size = 4096;

enum class ArgumentForm { atom, quoted, literal };

struct QuotedArgument {
    ArgumentForm form = ArgumentForm::atom;
    // The bytes for the command line: the atom, the quoted string with its
    // quotes, or the literal marker "{n}" or "{n+}" that ends the line.
    std::string text;
    // Literal only: the octets to send after the line's CRLF.
    std::string literal;
    // Literal only: true for "{n+}", whose octets follow at once. For "{n}"
    // the client must wait for the server's "+" before sending them.
    bool non_synchronizing = false;
};

// Quote value as an IMAP astring. It becomes an atom when it is nonempty,
// allow_atom is set, every byte is an atom byte or ']' and it is not "NIL" in
// any case. Otherwise it becomes a quoted string unless it contains NUL, CR,
// LF or a byte above 0x7F, which need a literal. Set allow_atom to false for
// arguments that the grammar requires to be strings.
QuotedArgument quote_argument(std::string_view value, LiteralSupport literal_support = LiteralSupport::none,
                              bool allow_atom = true);

}  // namespace mailbridge::imap

#endif
