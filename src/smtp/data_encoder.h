// Transparency for the DATA command (RFC 5321 section 4.5.2): every bare CR
// and bare LF becomes CRLF, and a line starting with "." gets one more dot.
// State is kept across calls so chunk boundaries never matter; the first byte
// of the body counts as the start of a line.
#ifndef MAILBRIDGE_SMTP_DATA_ENCODER_H
#define MAILBRIDGE_SMTP_DATA_ENCODER_H

#include <string>
#include <string_view>

namespace mailbridge::smtp {

class DataEncoder {
public:
    // Append the encoded form of chunk to out.
    void encode(std::string_view chunk, std::string &out);
    // Append the end of data: CRLF if the body did not end with a line end
    // (a pending CR counts as one), then ".\r\n". Resets the encoder.
    void finish(std::string &out);
    void reset();

private:
    bool at_line_start_ = true;
    bool pending_cr_ = false;
};

}  // namespace mailbridge::smtp

#endif
