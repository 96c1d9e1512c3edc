// Clean: the non-generic collections and StringBuilder nanoFramework offers.
using System.Collections;
using System.Text;

namespace Clean
{
    public class PhoneDirectory
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly Hashtable _numbersByName = new Hashtable();

        public void Add(string name, string number)
        {
            _names.Add(name);
            _numbersByName[name] = number;
        }

        public string NumberOf(string name)
        {
            return (string)_numbersByName[name];
        }

        public string Listing()
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < _names.Count; i++)
            {
                string name = (string)_names[i];
                text.Append(name);
                text.Append(": ");
                text.Append(NumberOf(name));
                text.Append('\n');
            }
            return text.ToString();
        }
    }
}
