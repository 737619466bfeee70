/* placeholder: implemented by the vault work */
#include "wb-vault.h"
