<?php

/** @generate-class-entries */

namespace MailBridge;

/**
 * A message to send. Setters validate their input and throw \ValueError
 * before anything reaches the network; each returns the message itself.
 *
 * @strict-properties
 * @not-serializable
 */
final class Message
{
    public function __construct() {}

    /** Set the sender: "Name <a@example.test>" or "a@example.test", with $name overriding the display name. */
    public function from(string $address, ?string $name = null): static {}

    /** Add To recipients; each string is "Name <a@example.test>" or "a@example.test". */
    public function to(string ...$addresses): static {}

    public function cc(string ...$addresses): static {}

    /** Add blind copies: envelope recipients that never appear in the headers. */
    public function bcc(string ...$addresses): static {}

    public function replyTo(string ...$addresses): static {}

    public function subject(string $subject): static {}

    public function text(string $body): static {}

    public function html(string $body): static {}

    /** Attach bytes; the content type is guessed from $filename when null. */
    public function attach(string $content, string $filename, ?string $contentType = null): static {}

    /** Attach a file, read when the message is serialized; $filename defaults to its base name. */
    public function attachFromPath(string $path, ?string $filename = null, ?string $contentType = null): static {}

    /**
     * Add an inline part, such as an image that the HTML shows with <img src="cid:$cid">.
     * $cid is "id@domain" or a dot-atom such as "logo.png", without angle brackets.
     * The content type is guessed from $filename when null.
     */
    public function embed(string $content, string $cid, ?string $filename = null, ?string $contentType = null): static {}

    /** Add a file as an inline part under its base name, read when the message is serialized. */
    public function embedFromPath(string $path, string $cid, ?string $contentType = null): static {}

    /**
     * Add an iCalendar object as a text/calendar part with the iTIP method (REQUEST, CANCEL,
     * REPLY, PUBLISH, ...) after the text and HTML bodies, which mail clients show as an invitation.
     * An empty $ics removes the part.
     */
    public function calendar(string $ics, string $method = 'REQUEST'): static {}

    /**
     * Set the charset of the text and HTML bodies, the subject and display names (UTF-8 by default).
     * Accepts any charset that iconv supports and that encodes ASCII as ASCII, such as ISO-8859-1.
     */
    public function charset(string $charset): static {}

    /** Add "Auto-Submitted: auto-generated" (RFC 3834), so that auto-responders do not reply. */
    public function autoSubmitted(): static {}

    /**
     * Add List-Unsubscribe with an http(s) URL, a mailto address, or both. An https URL also adds
     * "List-Unsubscribe-Post: List-Unsubscribe=One-Click" (RFC 8058), which needs a DKIM signature
     * over both headers.
     */
    public function listUnsubscribe(?string $url, ?string $mailto = null): static {}

    /** Add a header that the message does not manage itself (not From, To, Subject, Content-Type, ...). */
    public function header(string $name, string $value): static {}

    /** Set the Message-ID, without angle brackets. */
    public function messageId(string $id): static {}

    /** Set the domain of generated Message-IDs; defaults to the From domain. */
    public function messageIdDomain(string $domain): static {}

    /** Return the Message-ID without angle brackets, or null before it is set or generated. */
    public function getMessageId(): ?string {}

    /** Return the exact bytes that send() transmits: headers, blank line, body, CRLF line ends. */
    public function toString(): string {}

    public function __toString(): string {}
}

/**
 * The SMTP envelope for a raw message: MAIL FROM and the RCPT TO list.
 *
 * @strict-properties
 * @not-serializable
 */
final class Envelope
{
    public readonly string $sender;
    /** @var list<string> */
    public readonly array $recipients;

    public function __construct(string $sender, array $recipients) {}
}
