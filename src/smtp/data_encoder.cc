#include "smtp/data_encoder.h"

#include <cstring>

namespace mailbridge::smtp {

// A CR is held back in pending_cr_ until the next byte shows whether it starts
// a CRLF. Either way it ends the line, because a bare CR becomes CRLF too. So
// the CRLF is written when the next byte arrives, or by finish().
//
// Between line ends the bytes are copied as whole runs: the encoder only
// looks at a byte individually at a line start (for a dot) and at CR or LF.
void DataEncoder::encode(std::string_view chunk, std::string &out)
{
    out.reserve(out.size() + chunk.size() + chunk.size() / 32 + 2);
    const char *position = chunk.data();
    const char *end = position + chunk.size();
    while (position < end) {
        if (pending_cr_) {
            pending_cr_ = false;
            out += "\r\n";
            at_line_start_ = true;
            if (*position == '\n') {
                ++position;
                continue;
            }
        }
        if (at_line_start_ && *position == '.')
            out += '.';

        // Copy up to the next CR or LF. memchr is vectorized in glibc, and
        // most messages end lines with CRLF or LF, so find the LF first and
        // then a CR before it.
        size_t remaining = static_cast<size_t>(end - position);
        const char *lf = static_cast<const char *>(std::memchr(position, '\n', remaining));
        const char *limit = lf != nullptr ? lf : end;
        const char *cr = static_cast<const char *>(std::memchr(position, '\r', static_cast<size_t>(limit - position)));
        const char *run_end = cr != nullptr ? cr : limit;
        if (run_end > position) {
            out.append(position, static_cast<size_t>(run_end - position));
            at_line_start_ = false;
            position = run_end;
        }
        if (position == end)
            break;

        if (*position == '\r') {
            pending_cr_ = true;
        } else {
            out += "\r\n";
            at_line_start_ = true;
        }
        ++position;
    }
}

void DataEncoder::finish(std::string &out)
{
    if (pending_cr_ || !at_line_start_)
        out += "\r\n";
    out += ".\r\n";
    reset();
}

void DataEncoder::reset()
{
    at_line_start_ = true;
    pending_cr_ = false;
}

}  // namespace mailbridge::smtp
