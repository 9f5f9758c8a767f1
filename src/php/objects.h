// Object layouts of the classes that wrap C++ state. Each C++ object is
// owned by its PHP object and freed in free_obj; `std` stays last as the
// Zend object model requires.
#ifndef MAILBRIDGE_PHP_OBJECTS_H
#define MAILBRIDGE_PHP_OBJECTS_H

#include "php/php_mailbridge.h"

#include <string>
#include <vector>

namespace mailbridge::mime {
class Message;
}
namespace mailbridge::smtp {
class Client;
}
namespace mailbridge::dkim {
class Signer;
}

namespace mailbridge::php {

struct MessageObject {
    mime::Message *message;
    zend_object std;
};

inline MessageObject *message_from(zend_object *object)
{
    return reinterpret_cast<MessageObject *>(reinterpret_cast<char *>(object) - XtOffsetOf(MessageObject, std));
}

// Envelope data after validation: the A-label addr-specs and whether any
// needs SMTPUTF8. Read back from the Envelope object's properties.
struct EnvelopeData {
    std::string sender;
    std::vector<std::string> recipients;
    bool smtputf8 = false;
};

// Returns false with a ValueError thrown when a recipient is not a string.
bool envelope_data(zend_object *envelope, EnvelopeData &data);

// The signer of a constructed MailBridge\DkimSigner, or nullptr when object
// is of another class or its constructor has not completed. The PHP object
// owns the signer, so keep a reference to the object while using it.
const dkim::Signer *dkim_signer_from(zend_object *object);

}  // namespace mailbridge::php

#endif
