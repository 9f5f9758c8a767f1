#include "smtp/data_encoder.h"

namespace mailbridge::smtp {

// A CR is held back in pending_cr_ until the next byte shows whether it starts
// a CRLF. Either way it ends the line, because a bare CR becomes CRLF too. So
// the CRLF is written when the next byte arrives, or by finish().
void DataEncoder::encode(std::string_view chunk, std::string &out)
{
    out.reserve(out.size() + chunk.size() + chunk.size() / 32 + 2);
    for (char c : chunk) {
        if (pending_cr_) {
            pending_cr_ = false;
            out += "\r\n";
            at_line_start_ = true;
            if (c == '\n')
                continue;
        }

        if (c == '\r') {
            pending_cr_ = true;
        } else if (c == '\n') {
            out += "\r\n";
            at_line_start_ = true;
        } else {
            if (at_line_start_ && c == '.')
                out += '.';
            out += c;
            at_line_start_ = false;
        }
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
