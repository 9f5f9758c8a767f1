<?php
/* Helpers shared by the scripts that record ext/imap outcomes as C++ data. */

declare(strict_types=1);

function pick(array $items): string
{
    return $items[mt_rand(0, count($items) - 1)];
}

/** Write bytes as a C++ string literal with every non-printable byte escaped. */
function cpp_literal(string $bytes): string
{
    $literal = '"';
    foreach (str_split($bytes) as $byte) {
        $code = ord($byte);
        if ($byte === '"' || $byte === '\\') {
            $literal .= '\\' . $byte;
        } elseif ($code >= 0x20 && $code < 0x7f && $byte !== '?') {
            $literal .= $byte;
        } else {
            // Octal escapes end after three digits, so a following digit stays a digit.
            $literal .= sprintf('\\%03o', $code);
        }
    }
    return $literal . '"';
}
