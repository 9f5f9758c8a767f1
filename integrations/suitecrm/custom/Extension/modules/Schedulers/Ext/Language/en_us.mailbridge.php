<?php
// Label of the scheduler job; SuiteCRM looks it up as 'LBL_' . strtoupper(<function name>).
$mod_strings['LBL_MAILBRIDGERUNMASSEMAILCAMPAIGN'] = 'Send Campaign Emails through mailbridge';
