// Written by the session that owns this command.
