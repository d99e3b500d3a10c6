/// The native token's symbol, shown by wallets.
pub const TOKEN_SYMBOL: &str = "CMRC";
/// The native token's decimals.
pub const TOKEN_DECIMALS: u8 = 12;
