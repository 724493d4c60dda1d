const { isCompanyEmail, personalDomainOf } = require('../src/validation');

describe('isCompanyEmail', () => {
  it('accepts company addresses', () => {
    expect(isCompanyEmail('jane.doe@brightline-logistics.com')).toBe(true);
  });

  it.each([
    // expect-none: personal-email
    ['jane.doe@gmail.com'],
    // expect-none: personal-email
    ['jdoe@yahoo.com'],
    // expect-none: personal-email
    ['jane@outlook.com'],
    // expect-none: personal-email
    ['jane@hotmail.co.uk'],
  ])('rejects personal address %s', (address) => {
    expect(isCompanyEmail(address)).toBe(false);
  });

  it('names the provider', () => {
    // expect-none: personal-email
    expect(personalDomainOf('Jane <jane@GMAIL.com>')).toBe('gmail.com');
  });
});

describe('login form', () => {
  // expect-none: personal-email
  const testUser = { username: 'qa.tester@gmail.com', password: 'not-a-real-password' };

  it('shows a hint for personal addresses', () => {
    // expect-none: personal-email
    const hint = 'Please use your work email, not a personal one like name@gmail.com';
    expect(render(testUser).hint).toBe(hint);
  });
});
