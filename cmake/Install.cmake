# Installed later in this file by the packaging work.
