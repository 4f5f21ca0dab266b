// Package console makes the terminal show budgetpress's Chinese
// messages. The program writes UTF-8; on Windows, a console window
// (cmd.exe, PowerShell) decodes output with its code page, which on
// Chinese Windows is 936 (GBK), so UTF-8 turned into mojibake there. UTF8
// switches the console to UTF-8 for as long as the program runs.
package console
