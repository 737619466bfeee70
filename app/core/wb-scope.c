/* placeholder: implemented by the scope work */
#include "wb-scope.h"
