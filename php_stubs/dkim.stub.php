<?php

/** @generate-class-entries */

namespace MailBridge;

/**
 * A DKIM signer (RFC 6376; Ed25519 per RFC 8463). Options:
 *   domain (string, required): the signing domain, d=,
 *   selector (string, required): the key is published at <selector>._domainkey.<domain>,
 *   private_key (string, required): PEM text, or the path of a PEM file when it contains no "-----BEGIN" line,
 *   passphrase (string): for an encrypted PEM key,
 *   algorithm ('rsa-sha256' | 'ed25519-sha256'; default 'rsa-sha256'),
 *   headers (list of header field names to sign; From is required; default From, To, Cc, Subject, Date,
 *            Message-ID, MIME-Version, Content-Type, Reply-To, In-Reply-To, References, List-Unsubscribe,
 *            List-Unsubscribe-Post, List-Id, Auto-Submitted; each present instance is signed),
 *   canonicalization ('relaxed/relaxed' (default), 'simple/simple', 'relaxed/simple', 'simple/relaxed';
 *                     header/body),
 *   identity (string, i=: "user@domain" or "@domain" within the signing domain),
 *   expiration (int seconds after signing when the signature expires, x=; default 0: never).
 * Every option is checked and the key is loaded in the constructor, which
 * throws \ValueError or \TypeError naming the option but never showing the
 * key or the passphrase.
 *
 * @strict-properties
 * @not-serializable
 */
final class DkimSigner
{
    public function __construct(#[\SensitiveParameter] array $options) {}

    /**
     * Return the message with a DKIM-Signature header field in front. A
     * Message is signed as toString() returns it. Line ends of a string may
     * be CRLF or LF: the signature covers the CRLF form that SMTP sends.
     */
    public function sign(Message|string $message): string {}
}
